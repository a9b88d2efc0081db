"""Indonesian follow-up answers (tindak lanjut) for the demo, from good to poor, per sub-category.

Placeholders as in texts.py, plus {tindakan}/{Tindakan} (what was done), {kontak}, {unit} and {tgl}."""

# Follow-up answers (tindak lanjut). Good ones name an action, a time and a contact; poor ones do not.
GOOD_ANSWERS = (
    "Terima kasih atas laporannya. Tim {unit} telah melakukan peninjauan lapangan pada {tgl} dan {tindakan}. Untuk informasi lebih lanjut Bapak/Ibu dapat menghubungi {kontak} pada hari kerja pukul 08.00-16.00.",
    "Laporan telah kami terima dan kami verifikasi. {Tindakan} pada {tgl}. Apabila masih ada kendala silakan datang langsung ke kantor kami atau hubungi {kontak}.",
    "Menindaklanjuti laporan Saudara, {tindakan}. Perkembangan penanganan akan kami sampaikan kembali melalui kanal ini paling lambat {n} hari kerja. Narahubung: {kontak}.",
    "Mohon maaf atas ketidaknyamanannya. Berdasarkan hasil pengecekan pada {tgl}, {tindakan}. Jika masalah serupa terulang, silakan sampaikan melalui {kontak}.",
)
# What a good answer says was done, per sub-category, else per top-level category.
ACTIONS = {
    "Jalan Berlubang": ("penambalan lubang dengan aspal hotmix telah dikerjakan oleh regu pemeliharaan rutin", "ruas tersebut sudah masuk jadwal rehabilitasi tahun anggaran berjalan"),
    "Jembatan Rusak": ("lantai jembatan telah diganti sementara dan pagar pengaman dipasang kembali", "jembatan tersebut masuk usulan rehabilitasi tahun depan dan rambu peringatan telah dipasang"),
    "Drainase dan Saluran Air": ("pembersihan saluran dan normalisasi gorong-gorong telah dilaksanakan", "galian saluran telah ditutup dan diberi tanda pengaman"),
    "Irigasi": ("tembok saluran yang runtuh telah diperbaiki bersama P3A setempat",),
    "Pelayanan Rumah Sakit": ("kami menambah jadwal dokter pada poli tersebut dan menerapkan antrean daring", "pasien telah mendapatkan pelayanan dan obat sesuai ketentuan JKN"),
    "Jaminan Kesehatan": ("kepesertaan PBI yang bersangkutan telah diaktifkan kembali",),
    "Ketersediaan Obat": ("stok obat telah dipenuhi melalui pengadaan darurat",),
    "Sikap Tenaga Kesehatan": ("petugas yang bersangkutan telah dipanggil dan diberi pembinaan",),
    "Penerimaan Peserta Didik Baru": ("data calon peserta didik telah diverifikasi ulang oleh panitia PPDB", "server PPDB telah dipulihkan dan masa pendaftaran diperpanjang"),
    "Pungutan Sekolah": ("kepala sekolah telah kami panggil dan pungutan tersebut dihentikan", "dana yang terlanjur dipungut dikembalikan kepada orang tua siswa"),
    "Ijazah dan Administrasi Sekolah": ("ijazah telah diserahkan kepada siswa yang bersangkutan tanpa biaya",),
    "Sarana dan Prasarana Sekolah": ("atap ruang kelas telah diperbaiki melalui dana pemeliharaan sekolah",),
    "Penerangan Jalan Umum": ("lampu PJU yang mati telah diganti oleh petugas",),
    "Rambu dan Marka Jalan": ("rambu peringatan dan cermin tikungan telah dipasang", "marka jalan telah dicat ulang"),
    "Angkutan Umum": ("kami telah berkoordinasi dengan operator bus untuk menambah armada pada jam sibuk",),
    "Kendaraan Angkutan Barang": ("razia angkutan barang bersama kepolisian telah dilaksanakan",),
    "Bantuan Sosial": ("bantuan telah disalurkan kepada penerima yang berhak", "pendamping yang bersangkutan telah diperiksa dan dibebastugaskan"),
    "Data Terpadu Kesejahteraan Sosial": ("nama yang bersangkutan telah diusulkan masuk DTKS melalui desa",),
    "Pencemaran Sungai": ("tim pengawas telah mengambil sampel air dan perusahaan diberi sanksi administratif",),
    "Sampah": ("tumpukan sampah telah diangkut bersama pemerintah kabupaten/kota",),
    "Pajak Kendaraan Bermotor": ("status pembayaran pajak kendaraan telah diperbarui dan SKPD elektronik dikirim ulang", "kelebihan pembayaran denda akan dikembalikan melalui rekening Saudara"),
    "Pelayanan Samsat": ("kami menambah loket pelayanan dan menertibkan calo bersama kepolisian", "petugas yang bersangkutan telah diperiksa dan diberi sanksi disiplin"),
    "Upah Tidak Dibayar": ("pengawas ketenagakerjaan telah memeriksa perusahaan dan menerbitkan nota pemeriksaan",),
    "Pemutusan Hubungan Kerja": ("mediasi antara pekerja dan perusahaan telah dijadwalkan di kantor kami",),
    "Banjir": ("tim reaksi cepat telah menyalurkan logistik dan perahu karet ke lokasi",),
    "Tanah Longsor": ("material longsor telah dibersihkan bersama relawan dan warga",),
    "Pungutan Liar": ("laporan telah ditelaah dan dilanjutkan dengan pemeriksaan khusus terhadap oknum yang dilaporkan",),
    "Penyalahgunaan Wewenang": ("tim inspektur telah meminta keterangan pihak-pihak terkait",),
    "KTP Elektronik": ("KTP elektronik Saudara telah dicetak dan dapat diambil di kantor kecamatan",),
    "Kartu Keluarga": ("data kependudukan Saudara telah disinkronkan sehingga NIK sudah dapat digunakan",),
    "Harga Bahan Pokok": ("operasi pasar beras SPHP telah digelar di pasar tersebut bersama Bulog",),
    "Gas Elpiji": ("pangkalan yang menjual di atas HET telah diberi teguran dan pasokan ditambah",),
    "Pupuk Bersubsidi": ("alokasi pupuk untuk kelompok tani setempat telah ditambah dan kios nakal diberi peringatan",),
    "Rumah Tidak Layak Huni": ("rumah tersebut telah diverifikasi dan masuk daftar penerima bantuan RTLH tahun ini",),
    "Air Bersih": ("pompa sumur bor telah diperbaiki dan air kembali mengalir",),
    "Tambang Tanpa Izin": ("kegiatan galian telah dihentikan bersama Satpol PP dan kepolisian",),
    "Destinasi Wisata": ("penarik karcis tidak resmi telah ditertibkan bersama pengelola kawasan",),
    "Layanan Informasi Publik": ("salinan dokumen yang Saudara minta telah kami kirim melalui surel",),
    "Pedagang Kaki Lima": ("penertiban PKL telah dilakukan dan pedagang diarahkan ke lokasi relokasi",),
}
DEFAULT_ACTIONS = ("permasalahan telah kami koordinasikan dengan bidang teknis dan penanganannya dijadwalkan minggu ini",
                   "data yang Saudara sampaikan telah kami periksa dan kendalanya sudah diselesaikan",
                   "pihak terkait telah kami panggil untuk klarifikasi dan diminta memperbaiki layanan")
CONTACTS = ("WhatsApp pengaduan 0811-0000-{n4}", "telepon (0254) 000-{n4}", "surel pengaduan@{slug}.contoh.example", "loket pengaduan di kantor kami")
UNITS = ("teknis", "pengawas", "pelayanan")
MEDIUM_ANSWERS = (
    "Terima kasih, laporan Saudara sudah kami teruskan ke bidang terkait untuk ditangani.",
    "Laporan sedang dalam proses pengecekan oleh petugas kami. Mohon kesabarannya.",
    "Terima kasih atas informasinya. Hal tersebut akan kami masukkan dalam rencana kegiatan tahun depan.",
    "Mohon Saudara melengkapi data berupa lokasi tepat dan foto agar dapat kami tindak lanjuti.",
)
POOR_ANSWERS = (
    "Terima kasih, akan kami tindak lanjuti.", "Baik, terima kasih.", "Sudah diteruskan.", "Akan kami cek.",
    "Terima kasih atas laporannya.", "Laporan diterima.", "Sedang diproses.",
)
