"""A small report data dict of the shape reports.data.gather() returns, for rendering tests only."""

AGENCY_NAMES = ["Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Pendidikan dan Kebudayaan",
                "Badan Pendapatan Daerah", "RSUD Banten", "Biro Umum", "Dinas Perhubungan", "Dinas Sosial"]


def indicators(i: int, received: int) -> dict:
    share = 30 + i * 8.5
    index = round(25 + i * 9.7, 2)
    zone = "hijau" if index >= 81 else "kuning" if index >= 51 else "merah"
    return {"received": received, "disposed": received - 1, "disposed_on_time_share": share,
            "followed_up_share": share + 5, "first_follow_up_on_time_share": share,
            "resolved_share": share - 3, "in_process_share": 10.0, "follow_up_days_median": 3.5,
            "follow_up_days_p90": 9.0, "backlog_0_5": 2, "backlog_6_14": 1, "backlog_15_60": i,
            "backlog_over_60": 0, "overdue_now": 8 - i, "reporter_replies": 1, "index": index, "zone": zone}


def agencies(offset=0):
    return [{"slug": f"opd-{i}", "name": n, **indicators(i + offset, 1200 - i * 100),
             "rank": i + 1, "ranked": True, "unranked_reason": ""} for i, n in enumerate(AGENCY_NAMES)]


def data() -> dict:
    province = indicators(4, 1234)
    return {
        "data_version": 1,
        "period": {"key": "2024-Q1", "kind": "quarter", "label": "Triwulan I 2024",
                   "first_day": "2024-01-01", "last_day": "2024-03-31"},
        "previous": {"key": "2023-Q4", "kind": "quarter", "label": "Triwulan IV 2023",
                     "first_day": "2023-10-01", "last_day": "2023-12-31"},
        "gathered_at": "2024-04-05T01:00:00+00:00",
        "stats": {"period": "2024-Q1", "label": "Triwulan I 2024", "province": province, "agencies": agencies()},
        "previous_stats": {"period": "2023-Q4", "label": "Triwulan IV 2023",
                           "province": indicators(3, 1000), "agencies": agencies(offset=1)},
        "changes": [],
        "breakdowns": {
            "by_status": [{"key": "completed", "label": "Selesai", "value": 900},
                          {"key": "in_process", "label": "Proses", "value": 334}],
            "by_kind": [{"key": "pengaduan", "label": "Pengaduan", "value": 1000},
                        {"key": "aspirasi", "label": "Aspirasi", "value": 234}],
            "by_channel": [{"key": "website", "label": "Website", "value": 1234}],
            "by_category": [{"key": 1, "label": "Jalan Rusak #1 *tebal* $x$ <b>", "value": 400},
                            {"key": 2, "label": "Kesehatan", "value": 300}],
            "by_region": [{"key": "kota-serang", "label": "Kota Serang", "value": 500}],
            "monthly": [{"key": "2024-01", "label": "Januari 2024", "received": 400, "resolved": 300},
                        {"key": "2024-02", "label": "Februari 2024", "received": 434, "resolved": 320},
                        {"key": "2024-03", "label": "Maret 2024", "received": 400, "resolved": 280}],
        },
        "overdue": [{"slug": "opd-0", "name": "Dinas Kesehatan", "count": 30,
                     "tracking_ids": [str(9100000 + i) for i in range(25)]}],
        "notable": [{"tracking_id": "9165816", "title": "Jalan berlubang diperbaiki", "category": "Jalan",
                     "agency": "Dinas Pekerjaan Umum dan Penataan Ruang",
                     "received": "2024-01-03T02:00:00+00:00", "completed": "2024-01-20T02:00:00+00:00"}],
        "opinion": None,
        "meetings": None,
        "legal_basis": ["Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"],
        "indicators": [{"name": "Laporan diterima", "text": "Jumlah laporan yang masuk pada periode."}],
        "letterhead": {"government": "PEMERINTAH PROVINSI BANTEN", "office": "DINAS KOMUNIKASI #x *y*",
                       "address": "KP3B, Serang", "contact": "diskominfo.bantenprov.go.id", "logo": "",
                       "sign_place": "Serang", "signer_title": "Kepala Dinas", "signer_name": "Nama [Pejabat]",
                       "signer_nip": "197001012000031001", "recipients": ["Gubernur Banten"]},
    }
