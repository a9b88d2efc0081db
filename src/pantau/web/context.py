"""Template context shared by every page: the user's role for the navigation."""

from pantau.agencies.roles import role_of


def nav(request):
    return {"role": role_of(getattr(request, "user", None))}
