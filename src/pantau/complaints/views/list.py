"""/pengaduan/: the filtered report list, with CSV and XLSX export of exactly the filtered rows."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from pantau.complaints import exports
from pantau.complaints.filters import ComplaintFilterForm, filtered_complaints
from pantau.complaints.views.paging import paginate
from pantau.web import pagecache

LIST_COLUMNS = (
    "id", "tracking_id", "title", "received_at", "status", "kind", "channel",
    "agency__name", "agency__short_name", "resolve_due_at", "resolve_state",
    "follow_up_due_at", "follow_up_state", "dispose_state",
)


@login_required
def complaint_list(request):
    """The list page, or the export when `format=csv|xlsx` is asked for."""
    fmt = request.GET.get("format")
    # The page (and a CSV) depends on every parameter, the user's scope and the data: keyed on all of
    # them, with the data version read before any data is.
    params = tuple(sorted(request.GET.lists()))
    personal = request.GET.get("personal") == "1"
    if fmt == "csv":
        # An export with personal data is never kept: each one goes to the audit log.
        key = None if personal and exports.may_export_personal(request.user) else pagecache.key("csv", request.user, params)
        if key and (cached := exports.cached_csv(key)) is not None:
            return cached
        form = ComplaintFilterForm(request.GET, user=request.user)
        return exports.csv_response(filtered_complaints(form), request.user, personal=personal, cache_key=key)
    if fmt == "xlsx":
        form = ComplaintFilterForm(request.GET, user=request.user)
        return exports.xlsx_response(filtered_complaints(form), request.user, personal=personal)
    body = pagecache.cached("list", request.user, params, lambda: list_part(request))
    return render(request, "complaints/list.html", {"body": mark_safe(body)})


def list_part(request) -> str:
    """The filter bar, one page of reports and the pager, as HTML."""
    form = ComplaintFilterForm(request.GET, user=request.user)
    qs = filtered_complaints(form)
    page = paginate(qs.values(*LIST_COLUMNS), request.GET.get("page"), count_qs=qs)
    query = request.GET.copy()
    for key in ("page", "format", "personal"):
        query.pop(key, None)
    return render_to_string("complaints/_list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "may_export_personal": exports.may_export_personal(request.user),
    })
