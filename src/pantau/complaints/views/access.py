"""Who may open the koordinator-only pages."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from pantau.agencies.roles import KOORDINATOR, has_role


def koordinator_required(view):
    """Anonymous -> the login page; a logged-in user of another role -> 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_role(request.user, KOORDINATOR):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
