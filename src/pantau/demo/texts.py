"""Indonesian sentence templates for demo reports, answers and replies, per LAPOR! sub-category.

Placeholders are filled by `compose.fill()`: {kec} kecamatan, {desa} village, {kab} kabupaten/kota,
{road} road, {school} a provincial school (SMA/SMK/SLB), {hospital} an RSUD, {samsat} a Samsat office,
{n} a small number, {lama} a duration, {sejak} "since ...", {pesisir} a coastal place,
{wisata} a tourist site, {beras}/{gas}/{pupuk}/{pajak}/{iuran}/{ongkos} plausible prices, {hari} a weekday, {tgl} a date, {rp} an amount, {plat} a plate.
All text is written for this project; names of people and events are invented."""

# sub-category -> pairs of (titles that fit the body, body). compose.py adds an opening, a detail and
# a closing so that no two reports read the same.
REPORTS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "Jalan Berlubang": (
        (("Jalan berlubang di {road}", "Jalan rusak parah di {road} Kecamatan {kec}"),
         "Kondisi {road} di wilayah Kecamatan {kec} sudah rusak {lama}. Lubangnya dalam dan saat hujan tergenang air sehingga tidak terlihat oleh pengendara motor."),
        (("Lubang besar di {road} membahayakan pengendara", "Kecelakaan akibat lubang di {road}"),
         "Di {road} dekat {desa} ada lubang besar di tengah jalan. Sudah {n} kali terjadi kecelakaan motor di titik itu, terakhir hari {hari} kemarin."),
        (("Aspal {road} mengelupas", "Jalan provinsi di {kec} rusak dan berlubang"),
         "Jalan provinsi ruas {road} aspalnya mengelupas sepanjang kurang lebih {n}00 meter. Truk bertonase besar terus lewat sehingga kerusakan makin parah."),
        (("Perbaikan {road} tidak kunjung dilakukan", "Warga menambal sendiri jalan rusak di {kec}"),
         "Warga {desa} sudah menambal sendiri lubang di {road} dengan batu dan tanah, tetapi setiap hujan rusak lagi. Kami mohon perbaikan permanen."),
    ),
    "Jembatan Rusak": (
        (("Jembatan di {desa} rusak", "Jembatan penghubung di Kecamatan {kec} hampir ambruk"),
         "Jembatan yang menghubungkan {desa} dengan pusat Kecamatan {kec} lantainya berlubang dan besinya berkarat. Anak sekolah setiap hari melintas di sana."),
        (("Pagar jembatan di {road} hilang",),
         "Pagar pengaman jembatan di {road} sudah hilang {sejak}. Pada malam hari tidak ada penerangan, sangat berbahaya bagi pengendara."),
        (("Oprit jembatan di {kec} amblas",),
         "Oprit jembatan di {kec} amblas setelah banjir. Kendaraan roda empat tidak berani lewat dan harus memutar sejauh {n} kilometer."),
    ),
    "Drainase dan Saluran Air": (
        (("Saluran air di {road} tersumbat", "Drainase jalan provinsi meluap ke rumah warga"),
         "Saluran drainase di pinggir {road} tersumbat sedimen dan sampah. Setiap hujan deras air meluap ke jalan dan masuk ke rumah warga {desa}."),
        (("Gorong-gorong di {kec} terlalu kecil", "Genangan air di depan pasar {kec}"),
         "Gorong-gorong di bawah {road} terlalu kecil sehingga air tidak mengalir. Genangan di depan pasar {kec} bisa setinggi lutut."),
        (("Galian saluran di {road} dibiarkan terbuka",),
         "Proyek saluran di {road} dibiarkan terbengkalai, galian terbuka dan tidak diberi tanda. Sudah ada pengendara yang terperosok."),
    ),
    "Irigasi": (
        (("Saluran irigasi di {desa} rusak", "Petani {kec} kekurangan air irigasi"),
         "Saluran irigasi sekunder di {desa} Kecamatan {kec} bocor dan temboknya runtuh. Sawah di hilir tidak mendapat air {sejak}."),
        (("Pintu air irigasi di {kec} jebol",),
         "Pintu air di daerah irigasi {kec} jebol sehingga air tidak bisa diatur. Petani terancam gagal tanam musim ini."),
    ),
    "Tata Ruang dan Bangunan": (
        (("Bangunan berdiri di sempadan sungai di {kec}",),
         "Ada bangunan permanen yang didirikan di sempadan sungai di {desa} Kecamatan {kec}. Kami khawatir aliran sungai menyempit dan menyebabkan banjir."),
        (("Pembangunan gudang di {desa} diduga melanggar tata ruang",),
         "Di {desa} sedang dibangun gudang besar di lahan yang setahu warga adalah sawah lestari. Mohon dicek izin dan kesesuaian tata ruangnya."),
    ),
    "Pelayanan Rumah Sakit": (
        (("Antrean panjang di {hospital}", "Lama menunggu dokter di poli {hospital}"),
         "Saya mengantar orang tua berobat ke poli penyakit dalam {hospital} hari {hari}. Datang jam 06.00, baru dipanggil dokter jam 13.30. Tidak ada informasi kapan dokter datang."),
        (("Pelayanan IGD {hospital} lambat", "Pasien IGD {hospital} ditelantarkan karena kamar penuh"),
         "Keluarga saya dibawa ke IGD {hospital} dalam kondisi sesak napas, tetapi menunggu lebih dari {n} jam tanpa penanganan karena katanya kamar penuh."),
        (("Pasien BPJS disuruh beli obat di luar {hospital}",),
         "Pasien peserta BPJS diminta membeli obat sendiri di apotek luar {hospital} dengan alasan stok kosong, padahal obat itu ditanggung."),
        (("Toilet rawat inap {hospital} rusak", "Kebersihan ruang rawat inap {hospital}"),
         "Toilet di ruang rawat inap kelas III {hospital} rusak dan kotor, air tidak mengalir {sejak}."),
    ),
    "Jaminan Kesehatan": (
        (("Kepesertaan PBI JKN dinonaktifkan", "Kartu KIS tidak aktif saat berobat"),
         "Kartu KIS ibu saya tiba-tiba tidak aktif saat akan berobat ke puskesmas {kec}. Kami keluarga tidak mampu dan tidak pernah diberi tahu penonaktifan."),
        (("Pendaftaran BPJS Kesehatan PBI daerah belum aktif",),
         "Saya sudah mengajukan pendaftaran PBI yang dibiayai pemerintah daerah {lama} lalu melalui {desa}, tetapi sampai sekarang belum aktif."),
    ),
    "Ketersediaan Obat": (
        (("Obat kosong di {hospital}", "Obat hipertensi pasien BPJS selalu kosong"),
         "Sudah {n} kali kontrol rutin, obat hipertensi untuk pasien BPJS di {hospital} selalu kosong. Kami harus membeli sendiri dengan harga mahal."),
        (("Stok vaksin di puskesmas {kec} habis",),
         "Vaksin untuk imunisasi dasar di puskesmas {kec} katanya habis {sejak}. Anak saya jadwalnya sudah lewat."),
    ),
    "Sikap Tenaga Kesehatan": (
        (("Petugas loket {hospital} tidak ramah", "Petugas membentak pasien lansia di {hospital}"),
         "Saat mendaftar di loket {hospital}, petugasnya berbicara kasar kepada ibu-ibu lansia yang tidak paham cara mengisi formulir."),
        (("Dokter jaga IGD {hospital} tidak ada di tempat",),
         "Pada malam hari {hari}, dokter jaga IGD {hospital} tidak berada di tempat dan pasien hanya ditangani perawat lebih dari {n} jam."),
    ),
    "Pelayanan Puskesmas": (
        (("Puskesmas {kec} tutup sebelum jam pelayanan berakhir",),
         "Puskesmas {kec} sudah tutup pukul 11.00 padahal jadwal pelayanan sampai pukul 14.00. Warga {desa} yang datang jauh-jauh disuruh kembali besok."),
        (("Pelayanan puskesmas {kec} lambat", "Dokter puskesmas {kec} hanya satu"),
         "Antrean di puskesmas {kec} sangat panjang karena hanya ada satu dokter. Mohon penambahan tenaga kesehatan."),
    ),
    "Penerimaan Peserta Didik Baru": (
        (("Masalah zonasi PPDB di {school}", "Anak saya tidak diterima di {school} padahal rumah dekat"),
         "Jarak rumah kami ke {school} hanya sekitar {n}00 meter, tetapi anak saya tidak lolos jalur zonasi. Sementara ada siswa dari kecamatan lain yang diterima."),
        (("Situs PPDB Banten tidak bisa diakses", "Pendaftaran PPDB daring gangguan"),
         "Sejak pagi situs pendaftaran PPDB SMA/SMK Provinsi Banten tidak bisa dibuka. Batas waktu pendaftaran tinggal {n} hari lagi."),
        (("Dugaan titipan dalam PPDB {school}",),
         "Kami mendengar ada calon siswa yang diterima di {school} melalui jalur titipan dengan membayar sejumlah uang. Mohon diusut agar PPDB adil."),
        (("Berkas PPDB belum diverifikasi operator {school}",),
         "Nilai rapor anak saya sudah diunggah, tetapi statusnya masih belum diverifikasi oleh operator {school} padahal pengumuman sudah dekat."),
    ),
    "Pungutan Sekolah": (
        (("Pungutan uang komite di {school}", "SMA negeri masih memungut iuran bulanan"),
         "Orang tua siswa kelas X {school} diminta membayar uang komite sebesar {iuran} per bulan. Padahal setahu kami SMA negeri di Banten sudah gratis."),
        (("Siswa {school} diminta membayar uang seragam mahal", "Kartu ujian ditahan karena belum bayar seragam"),
         "Anak saya di {school} diminta membayar paket seragam dan buku sebesar {rp} dan harus lunas sebelum ujian. Yang belum bayar kartunya ditahan."),
        (("Iuran pembangunan di {school}",),
         "Ada pungutan untuk pembangunan musala di {school} sebesar {rp} per siswa tanpa musyawarah dengan orang tua."),
    ),
    "Ijazah dan Administrasi Sekolah": (
        (("Ijazah ditahan oleh {school}",),
         "Ijazah anak saya yang lulus dari {school} tahun lalu masih ditahan karena ada tunggakan. Anak saya tidak bisa melamar kerja."),
        (("Kesalahan nama di ijazah {school}", "Perbaikan ijazah di {school} dipersulit"),
         "Nama anak saya di ijazah {school} salah ketik. Sudah {n} kali datang ke sekolah untuk perbaikan tetapi disuruh menunggu."),
    ),
    "Sarana dan Prasarana Sekolah": (
        (("Atap ruang kelas {school} bocor",),
         "Atap dua ruang kelas di {school} bocor dan plafonnya sudah jebol. Kalau hujan siswa dipindah belajar di musala."),
        (("Ruang kelas {school} retak setelah gempa",),
         "Bangunan kelas di {school} retak-retak setelah gempa dan siswa takut belajar di dalamnya."),
        (("Toilet siswa {school} tidak layak",),
         "Toilet siswa di {school} hanya ada {n} untuk ratusan siswa dan airnya sering mati."),
    ),
    "Guru dan Tenaga Kependidikan": (
        (("Honor guru honorer {school} belum dibayar",),
         "Honor guru dan tenaga kependidikan non-ASN di {school} belum dibayarkan selama {lama}. Kami mohon kejelasan."),
        (("Guru sering tidak masuk kelas di {school}",),
         "Beberapa guru mata pelajaran di {school} sering tidak masuk sehingga siswa kelas XI hanya diberi tugas mencatat."),
    ),
    "Beasiswa dan Bantuan Pendidikan": (
        (("Dana PIP belum cair",),
         "Anak saya terdaftar penerima PIP di {school} tetapi dananya belum bisa dicairkan. Pihak sekolah meminta kami menunggu tanpa kepastian."),
        (("Pencairan beasiswa mahasiswa Banten terlambat",),
         "Pengumuman beasiswa pendidikan dari Pemprov Banten sudah lama keluar, tetapi dana untuk mahasiswa belum cair {sejak}."),
    ),
    "Angkutan Umum": (
        (("Bus Trans Banten tidak sesuai jadwal",),
         "Bus Trans Banten rute Serang-Cilegon sering tidak datang sesuai jadwal. Pada hari {hari} kami menunggu lebih dari {n} jam di halte."),
        (("Angkot ngetem sembarangan di {kec}",),
         "Angkutan kota trayek {kec} ngetem di persimpangan dan menyebabkan kemacetan setiap sore."),
        (("Tarif angkutan umum dinaikkan sepihak",),
         "Sopir angkutan jurusan {kec} menaikkan tarif menjadi {ongkos} tanpa pemberitahuan resmi."),
    ),
    "Penerangan Jalan Umum": (
        (("Lampu PJU mati di {road}", "Jalan gelap di {kec} karena PJU rusak"),
         "Lampu penerangan jalan umum di sepanjang {road} dekat {desa} mati {sejak}. Di malam hari rawan begal dan kecelakaan."),
        (("{n} lampu PJU di {road} tidak menyala",),
         "Sebanyak {n} tiang lampu PJU di {road} tidak menyala. Warga sudah melapor ke desa tetapi katanya kewenangan provinsi."),
    ),
    "Rambu dan Marka Jalan": (
        (("Tidak ada rambu di tikungan tajam {kec}",),
         "Di tikungan tajam {road} dekat {desa} tidak ada rambu peringatan maupun cermin cembung. Sudah sering terjadi kecelakaan."),
        (("Marka jalan pudar di {road}",),
         "Marka jalan di {road} sudah pudar dan tidak terlihat pada malam hari, terutama saat hujan."),
    ),
    "Kendaraan Angkutan Barang": (
        (("Truk tambang melintas di luar jam operasional",),
         "Truk pengangkut pasir dan batu melintas di {road} pada siang hari padahal ada aturan jam operasional. Jalan macet dan berdebu."),
        (("Truk kelebihan muatan merusak {road}",),
         "Banyak truk bermuatan berlebih melewati {road} sehingga jalan cepat rusak. Jembatan timbang seperti tidak berfungsi."),
    ),
    "Bantuan Sosial": (
        (("Bansos tidak tepat sasaran di {desa}",),
         "Di {desa} Kecamatan {kec}, banyak warga mampu yang menerima bansos, sementara janda lansia di RT kami tidak pernah mendapat bantuan."),
        (("Bantuan sembako belum diterima warga {desa}",),
         "Bantuan sosial pangan dari provinsi untuk warga {desa} belum dibagikan padahal desa tetangga sudah menerima {lama} lalu."),
        (("Pemotongan dana bansos oleh oknum",),
         "Penerima bansos di {desa} mengaku dananya dipotong {rp} oleh oknum pendamping dengan alasan biaya administrasi."),
    ),
    "Data Terpadu Kesejahteraan Sosial": (
        (("Nama keluarga miskin tidak masuk DTKS",),
         "Keluarga saya tidak mampu dan tinggal di rumah tidak layak huni di {desa}, tetapi nama kami tidak ada di DTKS sehingga tidak mendapat bantuan apa pun."),
        (("Usulan DTKS belum terdaftar",),
         "Sudah mengajukan usulan masuk DTKS melalui {desa} {lama} lalu, tetapi status di aplikasi cek bansos masih belum terdaftar."),
    ),
    "Penyandang Disabilitas": (
        (("Bantuan kursi roda untuk penyandang disabilitas",),
         "Adik saya penyandang disabilitas daksa di {desa} membutuhkan kursi roda. Sudah mengajukan ke dinas {lama} lalu tetapi belum ada kabar."),
        (("Kantor pelayanan tidak ramah disabilitas",),
         "Kantor pelayanan di {kec} tidak memiliki jalur landai, pengguna kursi roda harus diangkat untuk masuk."),
    ),
    "Orang Terlantar": (
        (("ODGJ terlantar di {kec}",),
         "Ada orang dengan gangguan jiwa yang berkeliaran di sekitar pasar {kec} {sejak} dan kadang mengamuk. Mohon penanganan."),
        (("Lansia terlantar tinggal sendirian di {desa}",),
         "Seorang lansia di {desa} tinggal sendirian tanpa keluarga dan kondisinya sakit-sakitan. Mohon bantuan panti sosial."),
    ),
    "Pencemaran Sungai": (
        (("Sungai di {kec} tercemar limbah pabrik", "Air sungai berubah warna dan berbau di {desa}"),
         "Air sungai di {desa} Kecamatan {kec} berwarna hitam dan berbau menyengat {sejak}. Diduga ada pabrik yang membuang limbah pada malam hari."),
        (("Ikan mati mendadak di sungai {desa}",),
         "Ikan-ikan di sungai dekat {desa} mati mendadak. Warga yang mandi di sungai mengalami gatal-gatal."),
    ),
    "Sampah": (
        (("Tumpukan sampah liar di {road}",),
         "Di pinggir {road} dekat {desa} ada tumpukan sampah liar yang makin tinggi dan menimbulkan bau busuk. Sering dibakar sehingga asapnya mengganggu."),
        (("Pembuangan sampah ilegal di {kec}",),
         "Truk-truk dari luar daerah membuang sampah di lahan kosong di {kec} pada malam hari."),
    ),
    "Pencemaran Udara": (
        (("Asap pabrik mengganggu warga {kec}",),
         "Asap hitam dari cerobong pabrik di {kec} keluar setiap malam. Warga {desa} banyak yang batuk dan sesak napas."),
        (("Polusi debu dari stockpile batu bara",),
         "Debu batu bara dari stockpile di dekat {desa} masuk ke rumah warga, lantai dan jemuran selalu hitam."),
    ),
    "Penebangan Pohon": (
        (("Penebangan hutan di {kec}",),
         "Ada penebangan pohon di kawasan hutan dekat {desa} Kecamatan {kec}. Kayu diangkut dengan truk pada malam hari."),
        (("Pohon tua di {road} rawan tumbang",),
         "Pohon besar di pinggir {road} sudah miring dan dahannya rapuh. Kalau angin kencang dikhawatirkan menimpa pengendara."),
    ),
    "KTP Elektronik": (
        (("Blangko KTP-el kosong", "KTP elektronik belum jadi berbulan-bulan"),
         "Saya merekam KTP elektronik di kantor kecamatan {kec} {lama} lalu tetapi sampai sekarang belum dicetak dengan alasan blangko kosong."),
        (("Data KTP-el ganda",),
         "Data KTP-el saya ganda sehingga tidak bisa dipakai untuk mendaftar BPJS. Mohon bantuan perbaikan."),
    ),
    "Kartu Keluarga": (
        (("NIK anak di KK tidak terdaftar",),
         "NIK anak saya di kartu keluarga tidak terbaca di sistem sehingga tidak bisa mendaftar PPDB. Sudah ke dukcapil {kab} tetapi disuruh menunggu."),
        (("Permohonan pecah KK belum selesai",),
         "Permohonan pecah KK yang saya ajukan {lama} lalu belum selesai."),
    ),
    "Akta Kelahiran": (
        (("Akta kelahiran anak belum terbit",),
         "Saya mengurus akta kelahiran anak di {kab} {lama} lalu tetapi belum terbit, padahal dibutuhkan untuk sekolah."),
    ),
    "Pajak Kendaraan Bermotor": (
        (("Pajak kendaraan sudah dibayar tapi status belum lunas", "Pembayaran PKB online gagal"),
         "Saya sudah membayar pajak kendaraan {plat} melalui aplikasi Samsat online dan saldo sudah terpotong {pajak}, tetapi status masih belum lunas."),
        (("Denda pajak kendaraan tidak sesuai",),
         "Saat membayar pajak kendaraan di {samsat}, denda yang dikenakan lebih besar dari perhitungan di aplikasi. Tidak ada penjelasan dari petugas."),
        (("SKPD elektronik belum dikirim",),
         "Notifikasi pembayaran PKB untuk {plat} sudah diterima, tetapi SKPD elektronik belum juga dikirim."),
    ),
    "Pelayanan Samsat": (
        (("Antrean panjang di {samsat}",),
         "Hari {hari} saya antre di {samsat} dari pukul 08.00 sampai pukul 1{n}.00 hanya untuk pengesahan STNK. Loket yang buka hanya dua."),
        (("Calo di {samsat}",),
         "Di halaman {samsat} banyak calo yang menawarkan jasa dan seolah dibiarkan. Warga yang mengurus sendiri justru dipersulit."),
        (("Loket {samsat} tutup lebih awal",),
         "Loket {samsat} sudah tutup pukul 14.00 padahal di papan informasi tertulis pelayanan sampai pukul 15.00."),
        (("Petugas {samsat} meminta uang tambahan",),
         "Petugas di {samsat} meminta uang tambahan {rp} agar berkas mutasi cepat selesai, tanpa kuitansi."),
    ),
    "Bea Balik Nama Kendaraan": (
        (("Proses BBN di {samsat} lama",),
         "Proses balik nama kendaraan bekas yang saya ajukan di {samsat} sudah {lama} belum selesai, BPKB belum bisa diambil."),
        (("Biaya balik nama kendaraan bekas",),
         "Mohon penjelasan besaran BBNKB kedua untuk motor bekas, karena di {samsat} saya diminta {pajak}."),
    ),
    "Pemutihan Pajak": (
        (("Pemutihan denda PKB tidak berlaku di {samsat}", "Program pemutihan pajak kendaraan"),
         "Katanya ada program pembebasan denda pajak kendaraan, tetapi saat saya datang ke {samsat} denda tetap ditagih."),
    ),
    "Upah Tidak Dibayar": (
        (("Gaji karyawan pabrik di {kec} belum dibayar",),
         "Saya bekerja di sebuah pabrik di {kec}, gaji bulan lalu belum dibayar sampai sekarang. Ada sekitar {n}0 karyawan yang mengalami hal sama."),
        (("Upah di bawah UMK",),
         "Perusahaan tempat saya bekerja di {kab} membayar upah jauh di bawah UMK dan tanpa slip gaji."),
    ),
    "Pemutusan Hubungan Kerja": (
        (("PHK sepihak tanpa pesangon", "Karyawan kontrak diberhentikan mendadak"),
         "Saya dan {n} teman di-PHK sepihak oleh perusahaan di {kec} tanpa pesangon dan tanpa surat resmi setelah bekerja {lama}."),
    ),
    "Jaminan Sosial Tenaga Kerja": (
        (("Perusahaan tidak menyetor iuran BPJS Ketenagakerjaan", "Iuran BPJS TK dipotong tapi tidak disetor"),
         "Gaji kami dipotong untuk iuran BPJS Ketenagakerjaan, tetapi saat dicek ternyata perusahaan tidak menyetor iuran selama {lama}."),
    ),
    "Pelatihan Kerja": (
        (("Jadwal pelatihan kerja di BLK", "Pendaftaran pelatihan kerja gratis"),
         "Mohon informasi jadwal dan syarat pelatihan kerja gratis di balai latihan kerja provinsi untuk lulusan SMK dari {kab}."),
    ),
    "Pedagang Kaki Lima": (
        (("PKL memakan badan jalan di {road}", "Lapak PKL di bahu jalan dekat pasar {kec}"),
         "Pedagang kaki lima berjualan di bahu {road} dekat pasar {kec} sehingga jalan menyempit dan macet setiap pagi."),
    ),
    "Bangunan Liar": (
        (("Bangunan liar di lahan milik provinsi di {kec}",),
         "Di lahan aset Pemprov di {kec} berdiri bangunan-bangunan semi permanen yang disewakan oleh oknum."),
    ),
    "Tempat Hiburan Malam": (
        (("Karaoke di {kec} buka sampai subuh", "Tempat hiburan malam mengganggu warga {desa}"),
         "Tempat karaoke di dekat permukiman {desa} buka sampai subuh dan suaranya sangat mengganggu warga."),
    ),
    "Banjir": (
        (("Banjir di {desa} belum surut", "Warga {desa} terdampak banjir butuh bantuan"),
         "Sejak hari {hari}, {desa} Kecamatan {kec} terendam banjir setinggi {n}0 sentimeter. Warga butuh perahu karet dan makanan siap saji."),
        (("Banjir rutin di {kec} akibat tanggul jebol",),
         "Setiap hujan deras, permukiman di {kec} banjir karena tanggul sungai jebol dan belum diperbaiki sejak tahun lalu."),
    ),
    "Tanah Longsor": (
        (("Longsor menutup jalan di {kec}",),
         "Tebing di pinggir {road} dekat {desa} longsor dan menutup separuh badan jalan. Material longsoran belum dibersihkan."),
        (("Tebing rawan longsor di {desa}",),
         "Retakan tanah di perbukitan {desa} makin lebar setelah hujan. Warga khawatir terjadi longsor ke permukiman."),
    ),
    "Bantuan Korban Bencana": (
        (("Bantuan untuk korban banjir belum sampai", "Logistik korban bencana di {kec}"),
         "Korban banjir di {desa} belum menerima bantuan logistik padahal sudah {n} hari mengungsi di musala."),
    ),
    "Abrasi Pantai": (
        (("Abrasi pantai mengancam rumah warga di {pesisir}", "Tanggul penahan ombak di {pesisir} rusak"),
         "Abrasi di pantai {pesisir} sudah mendekati rumah warga. Tanggul penahan ombak yang dibangun beberapa tahun lalu sudah hancur."),
    ),
    "Disiplin Pegawai": (
        (("Pegawai tidak ada di tempat saat jam kerja",),
         "Saat saya datang ke kantor pelayanan di {kab} pukul 10.00, ruangan kosong dan petugas baru datang satu jam kemudian."),
        (("Oknum ASN bermain gim saat melayani",),
         "Petugas di loket pelayanan sibuk bermain gim di telepon genggam sementara antrean warga menumpuk."),
    ),
    "Pelayanan Kepegawaian": (
        (("Kenaikan pangkat belum diproses",),
         "Usulan kenaikan pangkat saya sudah lengkap {lama} lalu tetapi belum diproses. Mohon informasi kendalanya."),
    ),
    "Tunjangan dan Gaji Pegawai": (
        (("TPP pegawai belum dibayar",),
         "Tambahan penghasilan pegawai bulan lalu belum dibayarkan kepada pegawai di unit kami tanpa penjelasan."),
    ),
    "Pungutan Liar": (
        (("Dugaan pungli oleh oknum petugas",),
         "Oknum petugas meminta uang {rp} agar berkas saya diproses lebih cepat. Tidak ada kuitansi dan ini terjadi pada hari {hari} tanggal {tgl}."),
        (("Pungutan liar dalam pelayanan di {kec}",),
         "Warga yang mengurus surat di kantor UPT di {kec} dimintai uang rokok oleh oknum pegawai."),
    ),
    "Penyalahgunaan Wewenang": (
        (("Kendaraan dinas dipakai untuk keperluan pribadi",),
         "Mobil dinas berpelat merah dipakai untuk mengantar keluarga berlibur ke {wisata} pada akhir pekan."),
        (("Dugaan penyalahgunaan wewenang oleh pejabat",),
         "Ada dugaan seorang pejabat mengarahkan proyek kepada perusahaan milik kerabatnya."),
    ),
    "Pengadaan Barang dan Jasa": (
        (("Proyek tidak sesuai spesifikasi di {kec}",),
         "Pekerjaan proyek di {kec} terlihat tidak sesuai spesifikasi: campuran beton tipis dan sudah retak padahal baru selesai {lama} lalu."),
        (("Dugaan pengaturan tender",),
         "Pemenang tender paket pekerjaan di {kab} diduga sudah diatur sebelum pengumuman."),
    ),
    "Rumah Tidak Layak Huni": (
        (("Bantuan rumah tidak layak huni", "Rumah warga {desa} hampir roboh"),
         "Rumah tetangga kami di {desa}, seorang janda dengan {n} anak, dindingnya bilik bambu dan atapnya hampir roboh. Mohon bantuan program RTLH."),
    ),
    "Air Bersih": (
        (("Sumur bor bantuan di {desa} tidak berfungsi", "Krisis air bersih di {desa}"),
         "Sumur bor bantuan pemerintah di {desa} tidak berfungsi {sejak}. Warga harus membeli air galon untuk minum dan memasak."),
    ),
    "Sanitasi": (
        (("MCK umum rusak di {desa}", "Warga kembali buang air di sungai"),
         "Sarana MCK umum di {desa} rusak dan tidak bisa dipakai sehingga warga kembali buang air di sungai."),
    ),
    "Pupuk Bersubsidi": (
        (("Pupuk bersubsidi langka di {kec}", "Harga pupuk subsidi di atas HET"),
         "Petani di {kec} sulit mendapatkan pupuk bersubsidi menjelang musim tanam. Kios resmi bilang stok habis, tetapi di pengecer harganya {pupuk} per karung."),
    ),
    "Harga Gabah": (
        (("Harga gabah anjlok saat panen", "Penyerapan gabah petani {kec}"),
         "Saat panen raya harga gabah di {kec} jatuh jauh di bawah harga pembelian pemerintah. Petani rugi."),
    ),
    "Kesehatan Hewan": (
        (("Sapi warga terserang penyakit mulut dan kuku",),
         "Beberapa sapi milik warga {desa} sakit dengan gejala lepuh di mulut dan kuku. Mohon petugas kesehatan hewan segera datang."),
    ),
    "Harga Bahan Pokok": (
        (("Harga beras naik di pasar {kec}",),
         "Harga beras medium di pasar {kec} naik menjadi {beras} per kilogram. Mohon diadakan operasi pasar."),
    ),
    "Gas Elpiji": (
        (("Gas elpiji 3 kg langka di {kec}", "Harga gas melon di atas HET"),
         "Gas elpiji 3 kg sulit dicari di {kec} {sejak}. Kalau ada, harganya {gas} per tabung, jauh di atas HET."),
    ),
    "Bantuan UMKM": (
        (("Bantuan modal UMKM", "Pendaftaran pelatihan UMKM"),
         "Saya pelaku usaha kecil di {desa}. Bagaimana cara mendaftar bantuan modal atau pelatihan bagi UMKM dari provinsi?"),
    ),
    "Tambang Tanpa Izin": (
        (("Galian pasir ilegal di {kec}", "Tambang tanpa izin merusak jalan"),
         "Ada kegiatan galian pasir di {desa} Kecamatan {kec} yang diduga tidak berizin. Lubang bekas galian dibiarkan dan truknya merusak jalan."),
    ),
    "Listrik Desa": (
        (("Kampung di {desa} belum teraliri listrik",),
         "Kampung kami di {desa} Kecamatan {kec} sampai sekarang belum teraliri listrik PLN. Warga memakai genset bergantian."),
    ),
    "Air Tanah": (
        (("Pengambilan air tanah berlebihan oleh pabrik",),
         "Sumur warga di {desa} kering sejak pabrik di dekat kampung mengebor air tanah dalam jumlah besar."),
    ),
    "Bantuan Nelayan": (
        (("Solar nelayan sulit didapat di {pesisir}", "Bantuan untuk nelayan kecil"),
         "Nelayan di {pesisir} kesulitan mendapatkan solar bersubsidi. Mohon bantuan dan informasi program untuk nelayan kecil."),
    ),
    "Tempat Pelelangan Ikan": (
        (("TPI {pesisir} kotor dan rusak",),
         "Tempat pelelangan ikan di {pesisir} atapnya rusak dan lantainya becek, ikan cepat busuk."),
    ),
    "Destinasi Wisata": (
        (("Pungutan liar di {wisata}", "Karcis masuk {wisata} ditarik berkali-kali"),
         "Pengunjung {wisata} ditarik biaya masuk berkali-kali oleh orang yang berbeda tanpa karcis resmi."),
        (("Fasilitas wisata di {wisata} rusak",),
         "Toilet dan gazebo di {wisata} rusak dan tidak terawat."),
    ),
    "Fasilitas Olahraga": (
        (("Gelanggang olahraga provinsi tidak terawat",),
         "Lapangan dan tribun di gelanggang olahraga milik provinsi di {kab} tidak terawat, rumput tinggi dan lampunya mati."),
    ),
    "Perizinan Berusaha": (
        (("Izin usaha lama diproses", "Kendala OSS untuk izin usaha"),
         "Permohonan izin yang saya ajukan melalui OSS dan membutuhkan verifikasi provinsi sudah {lama} tidak ada tindak lanjut."),
    ),
    "Investasi": (
        (("Informasi peluang investasi di Banten",),
         "Mohon informasi tentang peluang dan insentif investasi di kawasan industri {kab}."),
    ),
    "Layanan Informasi Publik": (
        (("Permohonan informasi publik tidak dijawab",),
         "Saya mengajukan permohonan informasi publik secara tertulis {lama} lalu, tetapi belum ada jawaban dari PPID."),
        (("Mohon salinan dokumen anggaran",),
         "Mohon salinan dokumen pelaksanaan anggaran kegiatan pembangunan di {kab} tahun ini."),
    ),
    "Jaringan Internet": (
        (("Blank spot sinyal di {desa}",),
         "Di {desa} Kecamatan {kec} tidak ada sinyal telepon seluler. Anak-anak harus naik bukit untuk mengirim tugas sekolah."),
    ),
    "Situs Web Pemerintah": (
        (("Situs web pemerintah provinsi tidak bisa diakses", "Situs web dinas disusupi iklan judi daring"),
         "Situs web resmi salah satu dinas provinsi tidak bisa dibuka {sejak} dan kadang muncul halaman judi daring."),
    ),
    "Kekerasan terhadap Anak": (
        (("Dugaan kekerasan terhadap anak di {kec}",),
         "Seorang anak tetangga di {desa} sering terlihat memar dan menangis. Kami menduga ia mengalami kekerasan di rumah."),
    ),
    "Kekerasan terhadap Perempuan": (
        (("Pendampingan korban KDRT", "Mohon perlindungan korban kekerasan"),
         "Saudara saya di {kec} mengalami kekerasan dalam rumah tangga dan butuh pendampingan hukum serta tempat aman."),
    ),
    "Lain-lain": (
        (("Pelayanan kantor pemerintah di {kab} belum membaik",),
         "Mohon perhatian pemerintah provinsi terhadap kondisi pelayanan di {kab} yang belum membaik."),
        (("Keluhan pelayanan kantor pemerintah provinsi",),
         "Kami warga {desa} ingin menyampaikan keluhan mengenai pelayanan di kantor pemerintah provinsi yang berbelit-belit."),
    ),
}

OPENINGS = (
    "", "", "", "Selamat pagi. ", "Selamat siang Bapak/Ibu. ", "Assalamualaikum. ", "Yth. Admin LAPOR! Provinsi Banten. ",
    "Mohon izin melapor. ", "Saya warga {kec}. ", "Saya ingin menyampaikan keluhan. ", "Permisi. ",
)
DETAILS = (
    "", "", "", "Kejadian ini sudah pernah saya sampaikan ke kantor desa tetapi tidak ada tanggapan. ",
    "Foto kondisi terlampir. ", "Lokasi tepatnya di dekat masjid {desa}. ", "Mohon segera ditinjau ke lapangan. ",
    "Warga sekitar sudah resah. ", "Ini bukan pertama kalinya terjadi. ", "Sudah viral juga di media sosial. ",
)
# Details for aspirations and questions.
ASIDES = (
    "", "Saya sudah mencari di situs web tetapi tidak menemukan keterangannya. ", "Mohon dijawab melalui kanal ini. ",
    "Hal ini penting bagi warga {desa}. ", "Banyak tetangga saya di {kec} menanyakan hal yang sama. ",
    "Sebelumnya saya sudah bertanya ke kantor kecamatan {kec}. ", "Informasi ini kami perlukan bulan depan. ",
)
CLOSINGS = (
    "Terima kasih.", "Mohon tindak lanjutnya.", "Terima kasih atas perhatiannya.", "Mohon segera ditangani.",
    "Kami tunggu tanggapannya.", "Mohon perhatian pemerintah provinsi.", "Atas perhatiannya kami ucapkan terima kasih.", "",
)

# Aspirations and information requests per top-level category: (titles, bodies); with as many titles
# as bodies, title i goes with body i, otherwise every title fits every body.
ASPIRASI = {
    "Pekerjaan Umum dan Penataan Ruang": (
        ("Usulan pelebaran {road}", "Usulan pembangunan jembatan di {desa}"),
        ("Kami warga {kec} mengusulkan agar {road} dilebarkan dan diberi bahu jalan, karena volume kendaraan terus bertambah.",
         "Mohon pembangunan jembatan permanen di {desa} masuk rencana anggaran tahun depan, saat ini warga memakai jembatan bambu.")),
    "Kesehatan": (
        ("Saran layanan antrean daring {hospital}", "Usulan penambahan dokter spesialis di {hospital}"),
        ("Saran kami, {hospital} menyediakan pendaftaran antrean daring agar pasien tidak perlu datang subuh.",
         "Mohon ditambah dokter spesialis anak dan kandungan di {hospital} karena warga {kab} harus dirujuk jauh.")),
    "Pendidikan dan Kebudayaan": (
        ("Usulan pembangunan SMA negeri baru di {kec}", "Saran perbaikan sistem PPDB"),
        ("Di Kecamatan {kec} hanya ada satu SMA negeri sehingga banyak lulusan SMP tidak tertampung. Kami mengusulkan pembangunan unit sekolah baru.",
         "Saran kami, kuota jalur afirmasi PPDB untuk keluarga tidak mampu ditambah dan pengumumannya dibuat lebih terbuka.")),
    "Perhubungan": (
        ("Usulan rute Trans Banten ke {kec}", "Usulan pemasangan lampu jalan di {road}"),
        ("Kami mengusulkan rute bus Trans Banten diperpanjang sampai {kec} agar pelajar dan pekerja punya angkutan yang murah.",
         "Mohon {road} dipasangi lampu penerangan karena ruas ini gelap total sepanjang beberapa kilometer.")),
    "Sosial": (
        ("Usulan pendataan ulang penerima bansos di {desa}",),
        ("Saran kami, pendataan penerima bantuan sosial di {desa} dilakukan ulang secara terbuka dan diumumkan di balai desa.",)),
    "Lingkungan Hidup dan Kehutanan": (
        ("Usulan penanaman pohon di sempadan sungai {kec}",),
        ("Kami mengajak dinas bersama warga {desa} menanam pohon di sempadan sungai untuk mencegah longsor dan banjir.",)),
    "Pajak Daerah": (
        ("Usulan Samsat keliling di {kec}", "Saran perpanjangan jam layanan Samsat"),
        ("Mohon layanan Samsat keliling dijadwalkan rutin di {kec} karena kantor Samsat terdekat cukup jauh.",
         "Saran kami, {samsat} membuka layanan pada hari Sabtu untuk warga yang bekerja.")),
    "Ketenagakerjaan": (
        ("Usulan pelatihan kerja untuk lulusan SMK di {kab}",),
        ("Mohon diperbanyak pelatihan kerja berbasis kebutuhan industri untuk pemuda {kab} yang masih menganggur.",)),
    "Penanggulangan Bencana": (
        ("Usulan pemasangan alat peringatan dini di {pesisir}",),
        ("Warga pesisir {pesisir} mengusulkan pemasangan sirene peringatan dini tsunami dan jalur evakuasi yang jelas.",)),
}
INFORMASI = {
    "Pekerjaan Umum dan Penataan Ruang": (
        ("Mohon informasi jadwal perbaikan {road}", "Status jalan {road} provinsi atau kabupaten?"),
        ("Mohon informasi apakah {road} termasuk jalan provinsi dan kapan jadwal perbaikannya.",)),
    "Kesehatan": (
        ("Informasi jadwal dokter spesialis {hospital}", "Syarat berobat dengan KIS di {hospital}"),
        ("Mohon informasi jadwal praktik dokter spesialis di {hospital} dan apakah bisa daftar melalui telepon.",
         "Apa saja syarat berobat di {hospital} menggunakan KIS yang dibiayai pemerintah daerah?")),
    "Pendidikan dan Kebudayaan": (
        ("Mohon informasi jadwal PPDB SMA/SMK", "Syarat jalur afirmasi PPDB"),
        ("Kapan jadwal pendaftaran PPDB SMA/SMK negeri tahun ini dan dokumen apa saja yang harus disiapkan?",
         "Mohon informasi syarat jalur afirmasi untuk keluarga pemegang KIP di {school}.")),
    "Pajak Daerah": (
        ("Cara membayar pajak kendaraan secara daring", "Informasi program pembebasan denda pajak"),
        ("Bagaimana cara membayar pajak tahunan kendaraan {plat} secara daring dan di mana mencetak bukti pembayarannya?",
         "Mohon informasi apakah tahun ini ada program pembebasan denda dan bea balik nama kendaraan.")),
    "Sosial": (
        ("Cara cek status penerima bansos",),
        ("Bagaimana cara memeriksa apakah keluarga kami terdaftar sebagai penerima bantuan sosial provinsi?",)),
    "Ketenagakerjaan": (
        ("Informasi UMK {kab} tahun ini",),
        ("Mohon informasi besaran upah minimum {kab} tahun ini dan ke mana melapor jika perusahaan tidak mematuhinya.",)),
    "Kependudukan dan Pencatatan Sipil": (
        ("Syarat pindah domisili antarkabupaten",),
        ("Apa syarat pindah domisili dari {kab} ke kabupaten lain di Banten dan berapa lama prosesnya?",)),
    "Perizinan dan Investasi": (
        ("Informasi perizinan usaha di provinsi",),
        ("Izin apa saja yang menjadi kewenangan provinsi untuk usaha di kawasan industri {kab}?",)),
    "Komunikasi dan Informatika": (
        ("Cara mengajukan permohonan informasi publik",),
        ("Bagaimana prosedur mengajukan permohonan informasi publik kepada PPID Pemprov Banten?",)),
}

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
