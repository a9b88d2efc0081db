"""The agency/category choice of a disposition, shared by the koordinator's disposition form on a
report and the analyst's "turn this mention into a report" form (template
complaints/_disposition_form.html)."""

from pantau.agencies.models import Agency

from .models import Category
from .suggest import suggest


def choices(text: str) -> dict:
    """Template context: the suggestion for `text`, the active agencies and the top-level categories."""
    return {"suggestions": suggest(text),
            "agencies": Agency.objects.filter(active=True).order_by("name"),
            "categories": Category.objects.filter(parent__isnull=True).order_by("name")}


def chosen(post) -> tuple[Agency | None, Category | None]:
    """The agency (None if missing or inactive) and the optional category a form posted."""
    agency = Agency.objects.filter(pk=post.get("agency") or 0, active=True).first()
    category = Category.objects.filter(pk=post.get("category") or 0).first()
    return agency, category
