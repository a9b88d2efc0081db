"""Who may open the koordinator-only pages: anonymous users go to the login page, other roles get 403."""

from pantau.agencies.roles import KOORDINATOR
from pantau.web.access import role_required

koordinator_required = role_required(KOORDINATOR)
