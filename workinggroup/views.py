"""Pages of the working-group app: organization directory, working group, contacts, profile,
invitations. Views orchestrate; rules live in models.py, directory.py and roles.py."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from lib.language import set_alternate_urls
from lib.ratelimits import over_limit, too_many_requests
from lib.typography import collated, collation_key
from workinggroup import directory, memberships, roles
from workinggroup.forms import (
    ORGANIZATION_LIST_ID,
    AcceptInvitationForm,
    DecisionForm,
    DirectoryFilterForm,
    InvitationForm,
    MemberProfileForm,
    MembershipRequestForm,
    OrganizationRequestDecisionForm,
    OrganizationRequestForm,
    OrganizationSearchForm,
    ProfileForm,
)
from workinggroup.models import (
    ACTIVE_MEMBERSHIP_STATES,
    SERVICE_LANGUAGES,
    WORKING_GROUP_ROLE_ORDER,
    AuditEntry,
    Invitation,
    MemberProfile,
    Membership,
    MembershipState,
    Organization,
    OrganizationRequest,
    OrganizationRequestState,
    ProvinceTerritory,
    Region,
    SizeClass,
    StaffSizeBand,
    User,
    Visibility,
)
from workinggroup.themes import label_of, theme_labels

PAGE_SIZE = 20


def _language():
    return (get_language() or "en")[:2]


def _sort_key(text):
    """Alphabetical order that puts Île-du-Prince-Édouard among the I's, whatever the database."""
    return collation_key(text)


def organization_list(request):
    language = _language()
    regions = list(Region.objects.all())
    provinces = sorted(ProvinceTerritory.objects.all(), key=lambda p: _sort_key(p.name))
    form = DirectoryFilterForm(request.GET, regions=regions, provinces=provinces)
    filters = form.filters()
    # Not cached: with 10,000 organizations bench_directory measured p95 30 to 32 ms for all
    # filter sets, inside the 50 ms budget (docs/performance.md).
    return render(
        request,
        "workinggroup/organization_list.html",
        _directory_context(form, filters, language, request, regions, provinces),
    )


def _directory_context(form, filters, language, request, regions, provinces):
    places = {"regions": regions, "provinces": provinces}
    counts = directory.facet_counts(filters, **places)
    paginator = Paginator(directory.results(filters, language, **places), PAGE_SIZE)
    paginator.count = directory.result_count(filters, counts, **places)  # no COUNT query
    page = paginator.get_page(request.GET.get("page"))
    choices = {
        "region": [(r.code, r.name) for r in regions],
        "province": [(p.code, p.name) for p in provinces],
        "size": SizeClass.choices,
        "language": SERVICE_LANGUAGES.items(),
        "staff": StaffSizeBand.choices,
    }
    # The page is text computed here, not lookups in the template: a cold page renders about
    # 80 options and 20 results, and each lookup, lazy label or choice display adds up.
    selects = [
        {
            "name": name,
            "label": form.fields[name].label,
            "anything": form.fields[name].choices[0][1],
            "invalid": name in form.errors,
            "options": [
                (
                    value,
                    f"{label} ({intcomma(counts[name].get(value, 0))})",
                    filters.get(name) == value,
                )
                for value, label in options
            ],
        }
        for name, options in choices.items()
    ]
    return {
        "form": form,
        "filters": filters,
        "selects": selects,
        "francophone_count": counts["francophone"],
        "page": page,
        "results": _result_rows(page.object_list, regions, provinces),
        # The map: the counts beside the province filter, no dots (counting organizations per
        # community is one more pass over their links on every request, uncached).
        "province_counts": counts["province"],
        "community_counts": {},
    }


def _result_rows(organizations, regions, provinces):
    """What the directory shows of each organization, as text."""
    organizations = list(organizations)
    served = directory.communities_served([o.pk for o in organizations])
    region_names = {r.pk: r.name for r in regions}
    places = {p.pk: f"{p.name} · {region_names[p.region_id]}" for p in provinces}
    staff_sizes = {value: str(label) for value, label in StaffSizeBand.choices}
    size_classes = {value: str(label).lower() for value, label in SizeClass.choices}
    languages = {code: str(name) for code, name in SERVICE_LANGUAGES.items()}
    return [
        {
            "url": organization.get_absolute_url(),
            "name": organization.name,
            "place": places[organization.province_id],
            "staff_size": organization.staff_size
            and staff_sizes.get(organization.staff_size, organization.staff_size),
            "communities": [
                f"{name} ({size_classes.get(size_class, size_class.lower())})"
                for name, size_class in served.get(organization.pk, ())
            ],
            "francophone_minority": organization.francophone_minority,
            "languages": [languages.get(code, code) for code in organization.languages],
            "is_demo": organization.is_demo,
        }
        for organization in organizations
    ]


def organization_detail(request, slug):
    organization = get_object_or_404(
        Organization.objects.select_related("province__region").prefetch_related("communities"),
        slug=slug,
    )
    set_alternate_urls(request, organization)
    people = MemberProfile.objects.on_working_group().with_people()
    people = people.filter(
        user__memberships__organization=organization,
        user__memberships__state=MembershipState.APPROVED,
    )
    return render(
        request,
        "workinggroup/organization_detail.html",
        {
            "organization": organization,
            "name": organization.localized("name"),
            "description": organization.localized("description"),
            "members": _people(people, Visibility.PUBLIC),
        },
    )


def _people(profiles, audience):
    """[{profile, contact}] sorted by seat then name; contact holds what `audience` may see."""
    rows = [{"profile": p, "contact": p.contact_for(audience)} for p in profiles]
    rows.sort(
        key=lambda row: (
            WORKING_GROUP_ROLE_ORDER.get(row["profile"].wg_role, 99),
            row["profile"].user.last_name.lower(),
            row["profile"].user.first_name.lower(),
        )
    )
    return rows


def _by_region(profiles, regions, audience):
    """[{region, people}] in the regions' order; members with no region come last."""
    people = _people(profiles, audience)
    groups = [
        {"region": region, "people": [p for p in people if p["profile"].region_id == region.pk]}
        for region in regions
    ]
    national = [p for p in people if p["profile"].region_id is None]
    if national:
        groups.append({"region": None, "people": national})
    return groups


def working_group(request):
    seats = MemberProfile.objects.on_working_group().with_people()
    return render(
        request,
        "workinggroup/working_group.html",
        {
            "groups": _by_region(list(seats), list(Region.objects.all()), Visibility.PUBLIC),
            "viewer_is_member": roles.is_member(request.user),
        },
    )


@roles.role_required(*roles.MEMBER_ROLES)
def contact_list(request):
    regions = list(Region.objects.all())
    labels = theme_labels()
    seats = list(MemberProfile.objects.on_working_group().with_people())
    region_code, theme = request.GET.get("region", ""), request.GET.get("theme", "")
    known_themes = sorted(
        {slug for p in seats for slug in p.themes} | set(labels),
        key=lambda slug: _sort_key(label_of(slug, labels)),
    )
    problems = []
    if region_code and region_code not in {r.code for r in regions}:
        problems.append(_("That region is unknown; all regions are shown."))
        region_code = ""
    if theme and theme not in known_themes:
        problems.append(_("That theme is unknown; all themes are shown."))
        theme = ""
    shown = [
        p
        for p in seats
        if (not region_code or (p.region and p.region.code == region_code))
        and (not theme or theme in p.themes)
    ]
    by_theme = [
        {
            "slug": slug,
            "label": label_of(slug, labels),
            "people": _people([p for p in shown if slug in p.themes], Visibility.MEMBERS),
        }
        for slug in known_themes
        if not theme or slug == theme
    ]
    return render(
        request,
        "workinggroup/contact_list.html",
        {
            "groups": [
                g
                for g in _by_region(shown, regions, Visibility.MEMBERS)
                if g["people"] or not (region_code or theme)
            ],
            "by_theme": [t for t in by_theme if t["people"]],
            "regions": regions,
            "themes": [(slug, label_of(slug, labels)) for slug in known_themes],
            "theme_names": {slug: label_of(slug, labels) for slug in known_themes},
            "region_code": region_code,
            "theme": theme,
            "problems": problems,
        },
    )


@login_required
def profile(request):
    user = request.user
    member = MemberProfile.for_user(user)
    labels = theme_labels()
    theme_choices = sorted(labels.items(), key=lambda item: _sort_key(item[1]))
    data = request.POST if request.method == "POST" else None
    account_form = ProfileForm(data, instance=user)
    member_form = MemberProfileForm(data, instance=member, theme_choices=theme_choices)
    if data is not None and account_form.is_valid() and member_form.is_valid():
        with transaction.atomic():
            account_form.save()
            member_form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("profile")
    return render(
        request,
        "workinggroup/profile.html",
        {
            "account_form": account_form,
            "member_form": member_form,
            "member": member,
            "role_labels": [roles.ROLE_LABELS[r] for r in roles.ROLES if roles.has_role(user, r)],
            "is_administrator": roles.is_administrator(user),
            "is_editor": roles.is_editor(user),
            "theme_names": {slug: label_of(slug, labels) for slug in member.themes},
            "memberships": user.memberships.active().select_related("organization"),
        },
    )


def _organization_names():
    column = f"name_{_language()}"
    names = Organization.objects.order_by(collated(column)).values_list(column, flat=True)
    return {"organization_list_id": ORGANIZATION_LIST_ID, "organization_names": names}


@roles.role_required(roles.ADMINISTRATOR)
def invite(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            with transaction.atomic():
                # What is still open for this address has expired (the form refused the rest).
                Invitation.objects.open().for_email(email).delete()
                invitation = form.save(commit=False)
                invitation.inviter = request.user
                token = invitation.new_token()
                invitation.save()
                invitation.send(token)
        except IntegrityError:
            form.add_error(
                "email", _("An invitation to this address was just sent by someone else.")
            )
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link works until %(date)s.")
                % {"email": email, "date": invitation.expires_at.date().isoformat()},
            )
            return redirect("invite")
    return render(
        request,
        "workinggroup/invite.html",
        {
            "form": form,
            "recent": Invitation.objects.select_related("organization")[:10],
            **_organization_names(),
        },
    )


def _invitation_problem(invitation):
    if invitation is None:
        return "invalid", 404
    if invitation.accepted_at:
        return "used", 410
    if invitation.is_expired():
        return "expired", 410
    if User.objects.filter(email__iexact=invitation.email).exists():
        return "account_exists", 409
    return None, 200


@never_cache
@sensitive_post_parameters("password1", "password2")
def accept_invitation(request, token):
    invitation = Invitation.find(token)
    problem, status = _invitation_problem(invitation)
    if problem is None and request.user.is_authenticated:
        problem, status = "signed_in", 409
    if problem:
        return _invitation_problem_page(request, problem, invitation, status)
    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation.accept(
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except IntegrityError:  # an account with this address appeared meanwhile
            return _invitation_problem_page(request, "account_exists", invitation, 409)
        if user is None:
            return _invitation_problem_page(request, "used", invitation, 410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome. Your account is ready and you are signed in as: %(role)s.")
            % {"role": invitation.role_label},
        )
        return redirect("profile")
    return render(
        request,
        "workinggroup/accept_invitation.html",
        {"form": form, "invitation": invitation},
    )


def _invitation_problem_page(request, problem, invitation, status):
    return render(
        request,
        "workinggroup/invitation_problem.html",
        {"problem": problem, "invitation": invitation},
        status=status,
    )


# --- Organizations people speak for: asking to join, approving, leaving -----

# Per person: enough to find one's organization; a flood of requests waits.
JOIN_RATES = ("5/h", "20/d")
AUDIT_PAGE_SIZE = 50


@login_required
def my_organizations(request):
    """The person's organizations and requests; the directory searched without accents, to ask
    to join one; a link to ask for a missing one."""
    search = OrganizationSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    found = list(
        Organization.objects.matching(query).order_by(collated(f"name_{_language()}"))[:20]
    )
    active = request.user.memberships.active().filter(organization__in=[o.pk for o in found])
    mine = {membership.organization_id: membership for membership in active}
    for organization in found:
        organization.my_membership = mine.get(organization.pk)
    return render(
        request,
        "workinggroup/my_organizations.html",
        {
            "search": search,
            "query": query,
            "found": found,
            "memberships": request.user.memberships.select_related("organization")[:50],
            "requests": request.user.organization_requests.select_related("organization")[:20],
        },
    )


@login_required
@require_POST
def join(request):
    form = MembershipRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That organization is not in the directory."))
        return redirect("my_organizations")
    wait = over_limit(request, "workinggroup:join", JOIN_RATES)
    if wait:
        return too_many_requests(request, wait, form)
    organization = form.cleaned_data["organization"]
    try:
        membership = memberships.ask_to_join(
            request.user, organization, form.cleaned_data["message"]
        )
    except memberships.Refused as refused:
        messages.info(request, str(refused))
        return redirect("my_organizations")
    if membership.state == MembershipState.APPROVED:
        messages.success(
            request,
            _("You are now a member of %(name)s: your email address is at its website's domain.")
            % {"name": organization.name},
        )
    else:
        messages.success(
            request,
            _("Your request is sent to the members of %(name)s. You will get an email when one "
              "of them answers.") % {"name": organization.name},
        )  # fmt: skip
    return redirect("my_organizations")


@login_required
@require_POST
def leave(request, pk):
    membership = get_object_or_404(
        Membership.objects.select_related("organization", "user"), pk=pk, user=request.user
    )
    if memberships.end(membership, request.user):
        messages.success(
            request,
            _("You left %(name)s. You can no longer change its practices.")
            % {"name": membership.organization.name},
        )
    else:
        messages.info(request, _("You were no longer a member of this organization."))
    return redirect("my_organizations")


@login_required
def organization_request(request):
    """Ask for an organization missing from the directory; an administrator adds it."""
    form = OrganizationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = over_limit(request, "workinggroup:join", JOIN_RATES)
        if wait:
            return too_many_requests(request, wait, form)
        row = form.save(commit=False)
        row.requester = request.user
        memberships.ask_for_organization(row)
        messages.success(
            request,
            _("Your request is sent to the administrators. You will get an email when they have "
              "added the organization or answered."),
        )  # fmt: skip
        return redirect("my_organizations")
    return render(
        request,
        "workinggroup/organization_request.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _members_page(request, organization, status=200, problem=""):
    rows = organization.memberships.select_related("user", "decided_by")
    now = timezone.now()
    return render(
        request,
        "workinggroup/organization_members.html",
        {
            "organization": organization,
            "waiting": list(rows.pending(now).order_by("requested_at")),
            "members": list(rows.approved().order_by("user__last_name", "user__first_name")),
            "history": list(rows.exclude(state__in=ACTIVE_MEMBERSHIP_STATES)[:20]),
            "problem": problem,
        },
        status=status,
    )


def _organization_for_approver(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    if not roles.may_approve_members(request.user, organization):
        raise PermissionDenied
    return organization


@login_required
def organization_members(request, slug):
    """Who speaks for the organization, and the requests to join it waiting for an answer."""
    return _members_page(request, _organization_for_approver(request, slug))


@login_required
@require_POST
def decide_membership(request, slug, pk):
    """Approve or refuse a request, or remove a member. The link may be old, used twice or
    opened by someone else: each case gets its own answer."""
    organization = _organization_for_approver(request, slug)
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organization"),
        pk=pk,
        organization=organization,
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _members_page(request, organization, 400, _("Choose approve, refuse or remove."))
    decision = form.cleaned_data["decision"]
    if decision != "remove" and membership.is_expired():
        problem = _("This request was not answered in time; the person may ask again.")
        return _members_page(request, organization, 410, problem)
    try:
        if decision == "approve":
            done = memberships.approve(membership, request.user)
        elif decision == "refuse":
            done = memberships.refuse(membership, request.user)
        else:
            done = memberships.end(membership, request.user)
    except memberships.Refused as refused:
        return _members_page(request, organization, 403, str(refused))
    if not done:
        problem = _("This was already answered, by you or another member: nothing changed.")
        return _members_page(request, organization, 409, problem)
    name = str(membership.user)
    messages.success(
        request,
        {
            "approve": _("%(name)s is now a member."),
            "refuse": _("The request of %(name)s is refused."),
            "remove": _("%(name)s is no longer a member."),
        }[decision]
        % {"name": name},
    )
    return redirect("organization_members", slug=organization.slug)


@roles.role_required(roles.ADMINISTRATOR)
def organization_requests(request):
    """Requests for organizations missing from the directory, for the administrators."""
    waiting = OrganizationRequest.objects.filter(state=OrganizationRequestState.PENDING)
    return render(
        request,
        "workinggroup/organization_requests.html",
        {"waiting": waiting.select_related("requester", "province")},
    )


@roles.role_required(roles.ADMINISTRATOR)
@require_POST
def decide_organization_request(request, pk):
    row = get_object_or_404(OrganizationRequest.objects.select_related("requester"), pk=pk)
    form = OrganizationRequestDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose add or refuse."))
    elif form.cleaned_data["decision"] == "add":
        if memberships.add_requested_organization(row, request.user):
            messages.success(request, _("%(name)s is in the directory.") % {"name": row.name})
            return redirect("organization_members", slug=row.organization.slug)
        messages.info(request, _("Another administrator already answered this request."))
    elif memberships.refuse_requested_organization(row, request.user, form.cleaned_data["reason"]):
        messages.success(request, _("The request is refused; its author is told."))
    else:
        messages.info(request, _("Another administrator already answered this request."))
    return redirect("organization_requests")


@roles.role_required(*roles.MODERATOR_ROLES)
def audit_trail(request):
    """Who changed what, acting for which organization: for editors and administrators."""
    entries = AuditEntry.objects.select_related("organization")
    organization = None
    if request.GET.get("organization"):
        organization = Organization.objects.filter(slug=request.GET["organization"]).first()
        entries = entries.filter(organization=organization)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workinggroup/audit_trail.html",
        {"page": page, "organization": organization},
    )
