"""Reports for web tests, built through the ORM with realistic defaults."""

from datetime import datetime
from itertools import count

from pantau.complaints.models import Complaint
from pantau.lib.periods import WIB

_numbers = count(9_165_000)


def make_complaint(agency, **fields) -> Complaint:
    """A disposed, open pengaduan of `agency` received 4 March 2024 09:00 WIB unless told otherwise."""
    received = fields.pop("received_at", datetime(2024, 3, 4, 9, 0, tzinfo=WIB))
    values = {
        "tracking_id": str(next(_numbers)), "title": "Jalan berlubang di Ciruas",
        "text": "Jalan provinsi berlubang dan membahayakan pengendara.",
        "received_at": received, "disposed_at": received, "status": "disposed",
        "agency": agency, "reporter_name": "Siti Aminah", "reporter_phone": "081234567890",
        "reporter_email": "siti@example.id", "reporter_id_number": "3604012345670001",
    }
    values.update(fields)
    return Complaint.objects.create(**values)
