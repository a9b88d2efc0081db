"""/pengaduan/: the filtered report list, with CSV and XLSX export of exactly the filtered rows."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

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
    # The same filters give the same file until the data changes: keyed on every parameter, with the
    # data version read before any data is.
    csv_key = pagecache.key("csv", request.user, sorted(request.GET.lists())) if fmt == "csv" else None
    form = ComplaintFilterForm(request.GET, user=request.user)
    qs = filtered_complaints(form)
    personal = request.GET.get("personal") == "1"
    if fmt == "csv":
        return exports.csv_response(qs, request.user, personal=personal, cache_key=csv_key)
    if fmt == "xlsx":
        return exports.xlsx_response(qs, request.user, personal=personal)
    page = paginate(qs.values(*LIST_COLUMNS), request.GET.get("page"), count_qs=qs)
    query = request.GET.copy()
    for key in ("page", "format", "personal"):
        query.pop(key, None)
    return render(request, "complaints/list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "may_export_personal": exports.may_export_personal(request.user),
    })
