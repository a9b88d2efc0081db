"""/impor/: upload a LAPOR! export, review the detected mapping and the dry-run summary, fix the
mapping, save it under a name, confirm; and the history of imports. Koordinator only."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from pantau.complaints import uploads
from pantau.complaints.importers.lapor import run_import
from pantau.complaints.importers.mapping import FIELDS, label
from pantau.complaints.models import ColumnMapping, ImportBatch
from pantau.complaints.views.access import koordinator_required

NOT_IN_FILE = ""


class UploadForm(forms.Form):
    file = forms.FileField(label=_("LAPOR! export file (XLSX or CSV)"))
    mapping_name = forms.ChoiceField(label=_("Saved column mapping"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = ColumnMapping.objects.values_list("name", "name")
        self.fields["mapping_name"].choices = [("", _("Detect from the headers"))] + list(names)

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(uploads.ALLOWED_SUFFIXES):
            raise forms.ValidationError(
                _("“%(name)s” is not a spreadsheet. Upload an .xlsx, .xls, .ods or .csv file."),
                params={"name": f.name})
        if f.size > uploads.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 100 MB."))
        return f


class MappingForm(forms.Form):
    """One select per field: which column holds it (or "not in this file"); optionally a name to save under."""

    save_as = forms.CharField(label=_("Save this mapping as (optional)"), required=False, max_length=100)

    def __init__(self, data=None, *, fields: list[str], headers: list[str], initial_mapping: dict):
        super().__init__(data)
        choices = [(NOT_IN_FILE, _("— not in this file —"))] + [(h, h) for h in headers]
        for name in fields:
            self.fields[f"map_{name}"] = forms.ChoiceField(
                label=label(name), required=False, choices=choices,
                initial=initial_mapping.get(name, NOT_IN_FILE))

    def mapping(self) -> dict[str, str]:
        return {k[4:]: v for k, v in self.cleaned_data.items() if k.startswith("map_") and v}

    def mapping_fields(self):
        return [self[name] for name in self.fields if name.startswith("map_")]


def _run(upload, *, mapping=None, dry_run=True, save_as=None, user=None):
    return run_import(
        str(upload.path), file_name=upload.file_name, mapping=mapping,
        mapping_name=(upload.mapping_name or None) if mapping is None else None,
        save_mapping_as=save_as or None, dry_run=dry_run, user=user,
    )


@koordinator_required
def import_upload(request):
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = uploads.store(form.cleaned_data["file"], user=request.user,
                                   mapping_name=form.cleaned_data["mapping_name"])
            return redirect("import_review", token=upload.token)
    batches = ImportBatch.objects.select_related("user")[:50]
    return render(request, "complaints/import_upload.html", {"form": form, "batches": batches})


@koordinator_required
def import_review(request, token: str):
    """GET: dry run with the detected (or saved) mapping. POST: dry run again with the mapping as
    fixed ("preview"), or commit it ("commit")."""
    upload = uploads.load(token)
    if upload is None or upload.user_id != request.user.pk:
        raise Http404
    result = None
    if request.method == "GET" or upload.headers is None:
        result = _run(upload, user=request.user)
        uploads.remember_headers(upload, list(dict.fromkeys([*result.mapping.values(), *result.unmapped_headers])))
    form = MappingForm(request.POST or None, fields=list(FIELDS), headers=upload.headers,
                       initial_mapping=result.mapping if result else {})
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "commit":
            return _commit(request, upload, form.mapping(), form.cleaned_data["save_as"].strip())
        result = _run(upload, mapping=form.mapping(), user=request.user)
    if result is None:  # a mapping that did not validate: show the file's own dry run again
        result = _run(upload, user=request.user)
    return render(request, "complaints/import_review.html", {
        "upload": upload, "result": result, "form": form,
        "missing": [label(f) for f in result.missing_required],
    })


def _commit(request, upload, mapping: dict, save_as: str):
    result = _run(upload, mapping=mapping, dry_run=False, save_as=save_as, user=request.user)
    if result.ok:
        c = result.counts
        messages.success(request, _(
            "Imported %(file)s: %(new)s new, %(changed)s changed, %(unchanged)s unchanged, %(rejected)s rejected."
        ) % {"file": upload.file_name, **{k: c.get(k, 0) for k in ("new", "changed", "unchanged", "rejected")}})
        return redirect("import_upload")
    messages.error(request, _("Nothing was imported: %(why)s") % {"why": result.message})
    return redirect("import_review", token=upload.token)
