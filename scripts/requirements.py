"""Print the dependencies pyproject.toml lists, one per line, for `pip install -r`.

The portal is an application, not a package: installing it with `pip install .` would build a
wheel of nothing. Usage: python scripts/requirements.py [EXTRA ...]
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]
requirements = list(project["dependencies"])
for extra in sys.argv[1:]:
    requirements += project["optional-dependencies"][extra]
print("\n".join(requirements))
