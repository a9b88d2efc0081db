"""Who may open the province-wide scorecard pages (DESIGN.md: koordinator everything, pimpinan and
analis read-only; an admin OPD only their own agency's page)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect

from pantau.agencies.roles import (
    ADMIN_OPD,
    ANALIS,
    KOORDINATOR,
    PIMPINAN,
    role_of,
    visible_agencies,
)

READERS = (KOORDINATOR, PIMPINAN, ANALIS)


def province_readers(view):
    """Log-in required; an admin OPD is sent to their agency's page; any other role is refused."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        role = role_of(request.user)
        if role == ADMIN_OPD:
            own = visible_agencies(request.user).order_by("name").first()
            if own is None:
                raise Http404
            return redirect("agency_detail", slug=own.slug)
        if role not in READERS:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
