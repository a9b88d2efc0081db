"""Roles (DESIGN.md) and agency scoping: the one place that decides who sees which reports."""

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db.models import QuerySet

KOORDINATOR = "koordinator"
ANALIS = "analis"
ADMIN_OPD = "admin_opd"
PIMPINAN = "pimpinan"
ROLES = (KOORDINATOR, ANALIS, ADMIN_OPD, PIMPINAN)

# Named permissions per role, as "app_label.codename". Groups are (re)built from this table.
ROLE_PERMISSIONS = {
    KOORDINATOR: ["complaints.view_complaint", "complaints.view_personal_data", "complaints.import_complaints",
                  "complaints.change_calendaroverride", "complaints.add_calendaroverride",
                  "complaints.delete_calendaroverride", "complaints.view_importbatch"],
    ANALIS: ["complaints.view_complaint"],
    ADMIN_OPD: ["complaints.view_complaint"],
    PIMPINAN: ["complaints.view_complaint"],
}


def role_of(user) -> str | None:
    """The user's role name, or None for an anonymous user or a user without a role.

    A superuser counts as koordinator. When a user is in several groups the most powerful wins.
    """
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return None
    if user.is_superuser:
        return KOORDINATOR
    cached = getattr(user, "_pantau_role", False)
    if cached is not False:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    role = next((r for r in ROLES if r in names), None)
    user._pantau_role = role
    return role


def has_role(user, *roles: str) -> bool:
    return role_of(user) in roles


def user_agency_ids(user) -> list[int]:
    """Agencies an admin OPD administers."""
    cached = getattr(user, "_pantau_agency_ids", None)
    if cached is None:
        cached = list(user.admin_agencies.values_list("id", flat=True)) if user.is_authenticated else []
        user._pantau_agency_ids = cached
    return cached


def visible_complaints(user, qs: QuerySet | None = None) -> QuerySet:
    """Reports this user may see: every report for koordinator, analis and pimpinan; only their own
    agencies' reports for an admin OPD; none for anyone else. Every view, export and API uses this."""
    from pantau.complaints.models import Complaint

    qs = Complaint.objects.all() if qs is None else qs
    role = role_of(user)
    if role in (KOORDINATOR, ANALIS, PIMPINAN):
        return qs
    if role == ADMIN_OPD:
        return qs.filter(agency_id__in=user_agency_ids(user))
    return qs.none()


def visible_agencies(user, qs: QuerySet | None = None) -> QuerySet:
    from pantau.agencies.models import Agency

    qs = Agency.objects.all() if qs is None else qs
    role = role_of(user)
    if role in (KOORDINATOR, ANALIS, PIMPINAN):
        return qs
    if role == ADMIN_OPD:
        return qs.filter(id__in=user_agency_ids(user))
    return qs.none()


def may_see_personal_data(user, complaint) -> bool:
    """UU 27/2022: rahasia reports' reporters only for the koordinator; anonim reporters for nobody but
    the koordinator; named reporters for the koordinator and the agency the report is disposed to."""
    role = role_of(user)
    if role == KOORDINATOR:
        return True
    if complaint.is_secret or complaint.is_anonymous:
        return False
    return role == ADMIN_OPD and complaint.agency_id in user_agency_ids(user)


def ensure_groups() -> dict[str, Group]:
    """Create or update the role groups with their permissions. Safe to call repeatedly."""
    groups = {}
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)
        groups[role] = group
    return groups
