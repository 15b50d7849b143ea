"""An import-linter contract: each app opens one door to the others.

Another app may import only an app's `models` and its one public module (its door); everything
else in the app is private to it. Wiring (`config`) and benchmarks (`bench`) may reach further.
Configured in pyproject.toml (`type = "doors"`), checked by `make lint`.
"""

from importlinter import Contract, ContractCheck, fields, output


def app_of(module):
    return module.split(".")[0]


class DoorsContract(Contract):
    type_name = "doors"

    # "practices.catalogue": the modules (and their submodules) other apps may import.
    doors = fields.ListField(subfield=fields.StringField())
    # Packages whose modules may import anything (the wiring, the benchmarks).
    exempt = fields.ListField(subfield=fields.StringField(), required=False)
    # "importer -> imported": known exceptions (none may be added).
    ignore_imports = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph, verbose):
        doors = set(self.doors)
        apps = {app_of(door) for door in doors}
        exempt = set(self.exempt or ())
        ignored = {tuple(p.strip() for p in i.split("->")) for i in self.ignore_imports or ()}
        seen_ignored = set()
        broken = []
        for importer in sorted(graph.modules):
            if app_of(importer) in exempt:
                continue
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                app = app_of(imported)
                if app == app_of(importer) or app not in apps:
                    continue
                if any(imported == d or imported.startswith(f"{d}.") for d in doors):
                    continue
                if (importer, imported) in ignored:
                    seen_ignored.add((importer, imported))
                    continue
                broken.append((importer, imported))
        unmatched = sorted(ignored - seen_ignored)
        warnings = [f"Ignored import not found (remove it): {a} -> {b}" for a, b in unmatched]
        return ContractCheck(
            kept=not broken and not unmatched, warnings=warnings, metadata={"broken": broken}
        )

    def render_broken_contract(self, check):
        for importer, imported in check.metadata["broken"]:
            output.print_error(f"{importer} imports {imported}, which is private to its app.")
            output.new_line()
        for warning in check.warnings:
            output.print_error(warning)
            output.new_line()
