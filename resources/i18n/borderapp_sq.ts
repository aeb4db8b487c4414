<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sq" sourcelanguage="en">
  <context>
    <name>Console</name>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source> days</source>
      <translation> ditë</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source> h oldest unsent</source>
      <translation> orë e vjetra e padërguar</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source> h valid</source>
      <translation> orë e vlefshme</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source> h without contact</source>
      <translation> orë pa kontakt</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>&amp;Audit</source>
      <translation>&amp;Gjurmimi</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>&amp;Enrolments</source>
      <translation>&amp;Regjistrimet e stacioneve</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>&amp;Patterns</source>
      <translation>&amp;Modelet</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>&amp;Quarantine</source>
      <translation>&amp;Karantina</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>&amp;Report</source>
      <translation>R&amp;aporti</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>&amp;Stations</source>
      <translation>&amp;Stacionet</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>; planned return passed by more than</source>
      <translation>; kthimi i planifikuar ka kaluar me më shumë se</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Accept the new certificate and sign in</source>
      <translation>Prano certifikatën e re dhe hyr</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Add the note</source>
      <translation>Shto shënimin</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Admin</source>
      <translation>Administratori</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>BCP</source>
      <translation>PKK</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>BorderApp central console</source>
      <translation>BorderApp: konsola qendrore</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>BorderApp station enrolment</source>
      <translation>BorderApp: regjistrimi i stacionit</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Born {0}; document {1}; {2}; flags {3}.</source>
      <translation>Lindur {0}; dokumenti {1}; {2}; flamujt {3}.</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Cancel</source>
      <translation>Anulo</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Central console</source>
      <translation>Konsola qendrore</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Chain</source>
      <translation>Zinxhiri</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Checking the server's certificate…</source>
      <translation>Po kontrollohet certifikata e serverit…</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Child crossings and interviews, all stations</source>
      <translation>Kalimet e fëmijëve dhe intervistat, të gjitha stacionet</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Clock drift</source>
      <translation>Shmangia e orës</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Create an enrolment code</source>
      <translation>Krijo një kod regjistrimi</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Created</source>
      <translation>Krijuar</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Crossed</source>
      <translation>Kaloi</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Device</source>
      <translation>Pajisja</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Direction</source>
      <translation>Drejtimi</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Enrolled {0}; app version {1}.</source>
      <translation>Regjistruar më {0}; versioni i aplikacionit {1}.</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Enrolment codes</source>
      <translation>Kodet e regjistrimit</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Events received up to number {0}; {1} waiting at the station.</source>
      <translation>Ngjarje të marra deri te numri {0}; {1} presin në stacion.</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Events the server could not use are kept here with the reason, and acknowledged to the station so the rest flows. Nothing is deleted.</source>
      <translation>Ngjarjet që serveri nuk mund t'i përdorte mbahen këtu me arsyen, dhe i konfirmohen stacionit që pjesa tjetër të rrjedhë. Asgjë nuk fshihet.</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>Every read of children's data at the centre, newest first. A search is shown by the start of a keyed hash of its text: the same text, the same hash; the text itself is not kept.</source>
      <translation>Çdo lexim i të dhënave të fëmijëve në qendër, më të rejat të parat. Një kërkim tregohet nga fillimi i një hash-i me çelës të tekstit të tij: i njëjti tekst, i njëjti hash; vetë teksti nuk ruhet.</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Expires</source>
      <translation>Skadon</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>First connection to {0}. Compare this certificate fingerprint with the one the server printed when it started (or that the central admins gave you):

{1}

The password is sent only if you confirm.</source>
      <translation>Lidhja e parë me {0}. Krahasoni këtë gjurmë certifikate me atë që serveri shtypi kur u nis (ose që ju dhanë administratorët qendrorë):

{1}

Fjalëkalimi dërgohet vetëm nëse konfirmoni.</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>From</source>
      <translation>Nga</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Last error</source>
      <translation>Gabimi i fundit</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Last error: {0}</source>
      <translation>Gabimi i fundit: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Last seen</source>
      <translation>Parë së fundi</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Look for patterns</source>
      <translation>Kërko modele</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>Name typed</source>
      <translation>Emri i shtypur</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>No notes yet.</source>
      <translation>Ende pa shënime.</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Not back after the planned return</source>
      <translation>Pa u kthyer pas kthimit të planifikuar</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Not sent</source>
      <translation>Të padërguara</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Not signed in: the certificate was not confirmed.</source>
      <translation>Nuk hytë: certifikata nuk u konfirmua.</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Nothing is in quarantine.</source>
      <translation>Asgjë nuk është në karantinë.</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Number</source>
      <translation>Numri</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Oldest unsent</source>
      <translation>Më e vjetra e padërguar</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>One-time code for {0}, valid until {1}. At the station a supervisor scans the QR code or pastes the text in the Sync tab, and compares the certificate fingerprint.</source>
      <translation>Kod njëpërdorimësh për {0}, i vlefshëm deri më {1}. Në stacion një mbikëqyrës skanon kodin QR ose ngjit tekstin te skeda Sinkronizimi, dhe krahason gjurmën e certifikatës.</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>Outcome</source>
      <translation>Rezultati</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Password</source>
      <translation>Fjalëkalimi</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Pattern</source>
      <translation>Modeli</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Person (keyed)</source>
      <translation>Personi (i koduar)</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Quarantined</source>
      <translation>Në karantinë</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>Read</source>
      <translation>Leximi</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Reason</source>
      <translation>Arsyeja</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Received</source>
      <translation>Marrë</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>Record</source>
      <translation>Regjistrimi</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Refresh</source>
      <translation>Rifresko</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Resolved</source>
      <translation>Zgjidhur</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Revoke a device</source>
      <translation>Revoko një pajisje</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Revoke the device of {0}? Its next request is refused; it must be enrolled again.</source>
      <translation>Të revokohet pajisja e {0}? Kërkesa e saj e radhës refuzohet; duhet regjistruar përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Revoke this device…</source>
      <translation>Revoko këtë pajisje…</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Revoked {0}.</source>
      <translation>Revokuar më {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Same adult with different children within</source>
      <translation>I njëjti i rritur me fëmijë të ndryshëm brenda</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>Same adult, different unrelated children</source>
      <translation>I njëjti i rritur, fëmijë të ndryshëm pa lidhje familjare</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Save as PDF…</source>
      <translation>Ruaj si PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Save the QR code as PNG…</source>
      <translation>Ruaj kodin QR si PNG…</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Save the enrolment code</source>
      <translation>Ruaj kodin e regjistrimit</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>Search</source>
      <translation>Kërkimi</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Security alarm: the certificate of {0} is not the one you confirmed before. Do not sign in: someone may be posing as the central server. Call the central admins. Accept the new certificate only if they rotated it and its fingerprint is the one they gave you.

Confirmed before: {1}
Now: {2}</source>
      <translation>Alarm sigurie: certifikata e {0} nuk është ajo që konfirmuat më parë. Mos hyni: dikush mund të paraqitet si serveri qendror. Telefononi administratorët qendrorë. Pranojeni certifikatën e re vetëm nëse ata e ndërruan dhe gjurma e saj është ajo që ju dhanë.

Konfirmuar më parë: {1}
Tani: {2}</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Server</source>
      <translation>Serveri</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Sign in to the central server</source>
      <translation>Hyr në serverin qendror</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>Sign-ins</source>
      <translation>Hyrjet</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>Signing in…</source>
      <translation>Po hyhet…</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Stale when:</source>
      <translation>I vonuar kur:</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>State</source>
      <translation>Gjendja</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>Station</source>
      <translation>Stacioni</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>The fingerprints match: sign in</source>
      <translation>Gjurmët përputhen: hyr</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>The server's certificate</source>
      <translation>Certifikata e serverit</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>Type</source>
      <translation>Lloji</translation>
    </message>
    <message>
      <location filename="../../ui/console_enrolments.py" />
      <source>Used</source>
      <translation>Përdorur</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>What</source>
      <translation>Çfarë</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>What was found or done</source>
      <translation>Çfarë u gjet ose u bë</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>When</source>
      <translation>Kur</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>a record</source>
      <translation>një regjistrim</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>broken</source>
      <translation>i këputur</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>certificate {0}</source>
      <translation>certifikata {0}</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>device</source>
      <translation>pajisja</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>entry</source>
      <translation>hyrje</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>exit</source>
      <translation>dalje</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>forked</source>
      <translation>i degëzuar</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>intact</source>
      <translation>i paprekur</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>never</source>
      <translation>asnjëherë</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>noted</source>
      <translation>me shënim</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>open</source>
      <translation>e hapur</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>or</source>
      <translation>ose</translation>
    </message>
    <message>
      <location filename="../../ui/console.py" />
      <source>plain HTTP (development only)</source>
      <translation>HTTP e thjeshtë (vetëm për zhvillim)</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>planned return {0}, {1} days ago; no entry since</source>
      <translation>kthimi i planifikuar {0}, para {1} ditësh; asnjë hyrje që atëherë</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>records search</source>
      <translation>kërkim regjistrimesh</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>refused: account disabled</source>
      <translation>refuzuar: llogari e çaktivizuar</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>refused: too many failures</source>
      <translation>refuzuar: shumë dështime</translation>
    </message>
    <message>
      <location filename="../../ui/console_quarantine.py" />
      <source>resolved</source>
      <translation>zgjidhur</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>revoked</source>
      <translation>revokuar</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>signed in</source>
      <translation>hyri</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>signed out</source>
      <translation>doli</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>the patterns</source>
      <translation>modelet</translation>
    </message>
    <message>
      <location filename="../../ui/console_audit.py" />
      <source>wrong name or password</source>
      <translation>emër ose fjalëkalim i gabuar</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>{0} children at {1} crossing(s)</source>
      <translation>{0} fëmijë në {1} kalim(e)</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>{0} days</source>
      <translation>{0} ditë</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>{0} h</source>
      <translation>{0} orë</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>{0} min</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <location filename="../../ui/console_patterns.py" />
      <source>{0} pattern(s)</source>
      <translation>{0} model(e)</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>{0} s</source>
      <translation>{0} s</translation>
    </message>
    <message>
      <location filename="../../ui/console_stations.py" />
      <source>{0} station(s), {1} stale</source>
      <translation>{0} stacion(e), {1} të vonuar</translation>
    </message>
  </context>
  <context>
    <name>DomainText</name>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>'both parents' needs the mother and the father among the accompanying adults</source>
      <translation>'Të dy prindërit' kërkon nënën dhe babanë midis të rriturve shoqërues</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>'one parent' needs exactly one accompanying adult recorded as mother or father</source>
      <translation>'Një prind' kërkon saktësisht një të rritur shoqërues të regjistruar si nënë ose baba</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Cannot reach the server at {0} ({1}).</source>
      <translation>Serveri në {0} nuk arrihet ({1}).</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Confirm the server's certificate first: compare its fingerprint with the server's.</source>
      <translation>Konfirmoni fillimisht certifikatën e serverit: krahasoni gjurmën e saj me atë të serverit.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Enrolled with {0} for {1}.</source>
      <translation>U regjistrua te {0} për {1}.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>MRZ line {0}, position {1}: the character {2} cannot appear in an MRZ (only A-Z, 0-9 and &lt;). Check the reader's keyboard layout and scan again.</source>
      <translation>Rreshti {0} i MRZ-së, pozicioni {1}: shenja {2} nuk mund të jetë në MRZ (vetëm A-Z, 0-9 dhe &lt;). Kontrolloni tastierën e lexuesit dhe skanoni përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>No connection to the central server ({0}); will retry.</source>
      <translation>Pa lidhje me serverin qendror ({0}); do të provohet përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Only the interview's participants, social workers and the supervisor may see or change what was said in an interview. Record your presence first if you are the female anti-trafficking officer.</source>
      <translation>Vetëm pjesëmarrësit e intervistës, punonjësit socialë dhe mbikëqyrësi mund të shohin ose ndryshojnë çfarë u tha në intervistë. Nëse jeni oficerja kundër trafikimit, regjistroni më parë praninë tuaj.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Sent {0} record event(s); {1} left.</source>
      <translation>U dërguan {0} ngjarje regjistrimi; mbeten {1}.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The MRZ has {0} line(s) of length {1}; expected 2 lines of 44 (passport), 2 of 36 (TD2) or 3 of 30 (identity card). Scan the document again.</source>
      <translation>MRZ-ja ka {0} rresht(a) me gjatësi {1}; priten 2 rreshta me 44 (pasaportë), 2 me 36 (TD2) ose 3 me 30 (letërnjoftim). Skanoni dokumentin përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The MRZ is empty: scan the document again or type its 2 or 3 lines.</source>
      <translation>MRZ-ja është bosh: skanoni dokumentin përsëri ose shkruani 2 ose 3 rreshtat e saj.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The account {0} is disabled at this station. Ask the supervisor.</source>
      <translation>Llogaria {0} është çaktivizuar në këtë stacion. Pyesni mbikëqyrësin.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The birth date {0} in the MRZ is not a date (YYMMDD). Scan the document again.</source>
      <translation>Datëlindja {0} në MRZ nuk është datë (VVMMDD). Skanoni dokumentin përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The birth date {0} in the MRZ is not a valid date. Scan the document again.</source>
      <translation>Datëlindja {0} në MRZ nuk është datë e vlefshme. Skanoni dokumentin përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The central server asks this station to slow down; will retry.</source>
      <translation>Serveri qendror i kërkon këtij stacioni të ngadalësojë; do të provohet përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The central server did not answer in time; will retry.</source>
      <translation>Serveri qendror nuk u përgjigj në kohë; do të provohet përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The central server failed ({0}); will retry.</source>
      <translation>Serveri qendror dështoi ({0}); do të provohet përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The central server holds {0} events from this station but this station has only {1}: it was restored from an older backup. Sync is stopped so that nothing is overwritten; tell the central admin.</source>
      <translation>Serveri qendror mban {0} ngjarje nga ky stacion, por stacioni ka vetëm {1}: u rikthye nga një kopje më e vjetër. Sinkronizimi u ndal që të mos mbishkruhet asgjë; njoftoni administratorin qendror.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The enrolment code carries no certificate fingerprint, so this server cannot be told from an impostor. Ask the central admin for a new code.</source>
      <translation>Kodi i regjistrimit nuk ka gjurmën e certifikatës, kështu që ky server nuk dallohet dot nga një mashtrues. Kërkojini administratorit qendror një kod të ri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The expiry date {0} in the MRZ is not a date (YYMMDD). Scan the document again.</source>
      <translation>Data e skadimit {0} në MRZ nuk është datë (VVMMDD). Skanoni dokumentin përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The expiry date {0} in the MRZ is not a valid date. Scan the document again.</source>
      <translation>Data e skadimit {0} në MRZ nuk është datë e vlefshme. Skanoni dokumentin përsëri.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The server address {0} is plain HTTP: children's records would cross the network unencrypted. Use the server's https:// address (ask the central admin for a new code).</source>
      <translation>Adresa e serverit {0} është HTTP e thjeshtë: të dhënat e fëmijëve do të kalonin në rrjet pa enkriptim. Përdorni adresën https:// të serverit (kërkojini administratorit qendror një kod të ri).</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The server answered {0} without an explanation.</source>
      <translation>Serveri u përgjigj {0} pa shpjegim.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The server's certificate does not match the fingerprint in the code: this may not be the central server. Nothing was sent. Tell the central admin.</source>
      <translation>Certifikata e serverit nuk përputhet me gjurmën në kod: ky mund të mos jetë serveri qendror. Nuk u dërgua asgjë. Njoftoni administratorin qendror.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The server's certificate is not the one confirmed before: do not sign in, call the central admins. Nothing was sent.</source>
      <translation>Certifikata e serverit nuk është ajo e konfirmuar më parë: mos hyni, telefononi administratorët qendrorë. Asgjë nuk u dërgua.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The server's certificate is not the one enrolled: do not proceed, call the central admins. Nothing was sent.</source>
      <translation>Certifikata e serverit nuk është ajo e regjistruar: mos vazhdoni, telefononi administratorët qendrorë. Asgjë nuk u dërgua.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>The temporary account {0} has expired. Ask the supervisor for a new one.</source>
      <translation>Llogaria e përkohshme {0} ka skaduar. Kërkojini mbikëqyrësit një të re.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>There is no user {0} at this station. Check the spelling, or ask the station supervisor to add you.</source>
      <translation>Nuk ka përdorues {0} në këtë stacion. Kontrolloni drejtshkrimin, ose kërkojini mbikëqyrësit t'ju shtojë.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>This code is for border crossing point {0}, but this station is {1}. Ask the central admin for a code for this BCP.</source>
      <translation>Ky kod është për pikën e kalimit kufitar {0}, por ky stacion është {1}. Kërkojini administratorit qendror një kod për këtë PKK.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>This is not a BorderApp enrolment code; scan or paste the whole code from the admin.</source>
      <translation>Ky nuk është kod regjistrimi i BorderApp; skanoni ose ngjitni gjithë kodin nga administratori.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>This station is not enrolled with a central server yet.</source>
      <translation>Ky stacion nuk është regjistruar ende në një server qendror.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>This station is not enrolled with a central server yet. A supervisor enrols it with the code from the central admin.</source>
      <translation>Ky stacion nuk është regjistruar ende në një server qendror. Një mbikëqyrës e regjistron me kodin nga administratori qendror.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Too many wrong passwords for {0}. Try again in {1} s.</source>
      <translation>Shumë fjalëkalime të gabuara për {0}. Provoni përsëri pas {1} s.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Wrong password for {0}, {1} times. Login is locked for {2} s.</source>
      <translation>Fjalëkalim i gabuar për {0}, {1} herë. Hyrja është e kyçur për {2} s.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>Wrong password for {0}. {1} attempt(s) left before a pause.</source>
      <translation>Fjalëkalim i gabuar për {0}. Mbeten {1} përpjekje para një pushimi.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>a foreign child is referred to the Responsible Authority for pre-screening</source>
      <translation>një fëmijë i huaj referohet tek Autoriteti Përgjegjës për para-verifikim</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>a potential victim is referred to the Child Protection Unit</source>
      <translation>një viktimë e mundshme referohet te Njësia për Mbrojtjen e Fëmijës</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>a potential victim is referred to the Responsible Authority (National Referral Mechanism)</source>
      <translation>një viktimë e mundshme referohet tek Autoriteti Përgjegjës (Mekanizmi Kombëtar i Referimit)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>a potential victim is referred to the Responsible Authority (National Referral Mechanism) and the Child Protection Unit</source>
      <translation>një viktimë e mundshme referohet tek Autoriteti Përgjegjës (Mekanizmi Kombëtar i Referimit) dhe te Njësia për Mbrojtjen e Fëmijës</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>a presumed minor needs an estimated age (0-17)</source>
      <translation>një i mitur i supozuar ka nevojë për një moshë të vlerësuar (0-17)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>a temporary account lasts between 1 and 72 hours</source>
      <translation>një llogari e përkohshme zgjat nga 1 deri në 72 orë</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>add the accompanying adult(s), or record the child as travelling alone</source>
      <translation>shtoni të rriturin/të rriturit shoqërues, ose regjistrojeni fëmijën si të pashoqëruar</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>answer yes, no or not applicable</source>
      <translation>përgjigjuni po, jo ose nuk zbatohet</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose entry or exit</source>
      <translation>zgjidhni hyrje ose dalje</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose how this adult is related to the child</source>
      <translation>zgjidhni lidhjen e këtij të rrituri me fëmijën</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose land, air or sea</source>
      <translation>zgjidhni tokë, ajër ose det</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose officer, social worker or supervisor</source>
      <translation>zgjidhni oficer, punonjës social ose mbikëqyrës</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose one of the options</source>
      <translation>zgjidhni një nga mundësitë</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose the border crossing point of this station</source>
      <translation>zgjidhni pikën e kalimit kufitar të këtij stacioni</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose the decision: potential victim, at risk, or no concern</source>
      <translation>zgjidhni vendimin: viktimë e mundshme, në rrezik, ose asnjë shqetësim</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose the document type, or 'No document'</source>
      <translation>zgjidhni llojin e dokumentit, ose 'Pa dokument'</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose the outcome of the check</source>
      <translation>zgjidhni përfundimin e kontrollit</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose the sex as in the document (F, M or X)</source>
      <translation>zgjidhni gjininë si në dokument (F, M ose X)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>choose who the child travels with, or 'Alone'</source>
      <translation>zgjidhni me kë udhëton fëmija, ose 'I vetëm'</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>confirm the interpreter has no link to the accompanying adult</source>
      <translation>konfirmoni që përkthyesi nuk ka lidhje me të rriturin shoqërues</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>give the date of birth, or mark 'presumed minor' and give an estimated age</source>
      <translation>jepni datëlindjen, ose shënoni 'i mitur i supozuar' dhe jepni një moshë të vlerësuar</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>give the document number, or choose 'none' as the document type</source>
      <translation>jepni numrin e dokumentit, ose zgjidhni 'pa dokument' si lloj dokumenti</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>give the person's full name, as on the badge</source>
      <translation>jepni emrin e plotë të personit, si në distinktiv</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>give the time of the referral</source>
      <translation>jepni orën e referimit</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>name the station (for example 'Kakavijë, exit lane 2')</source>
      <translation>emërtoni stacionin (për shembull 'Kakavijë, korsia e daljes 2')</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>record the child's views (best interest first)</source>
      <translation>regjistroni mendimin e fëmijës (interesi më i mirë i pari)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>record the language used with the child</source>
      <translation>regjistroni gjuhën e përdorur me fëmijën</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>say whether a guardian or representative was present or requested</source>
      <translation>thoni nëse një kujdestar ose përfaqësues ishte i pranishëm apo u kërkua</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>say why (at least 5 characters); the reason is kept with the interview</source>
      <translation>thoni pse (të paktën 5 shenja); arsyeja ruhet me intervistën</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>say why (at least 5 characters); the reason is kept with the record</source>
      <translation>thoni pse (të paktën 5 shenja); arsyeja ruhet me regjistrimin</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>say why it does not apply</source>
      <translation>thoni pse nuk zbatohet</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the child is recorded as travelling alone but {0} accompanying adult(s) are listed; choose another accompaniment or remove them</source>
      <translation>fëmija është regjistruar si i pashoqëruar por janë shënuar {0} të rritur shoqërues; zgjidhni një shoqërim tjetër ose hiqini ata</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the correction changes nothing; edit a field first</source>
      <translation>korrigjimi nuk ndryshon asgjë; ndryshoni më parë një fushë</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the crossing time is in the future; correct it or leave it empty for now</source>
      <translation>ora e kalimit është në të ardhmen; korrigjojeni ose lëreni bosh për tani</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the date of birth {0} is after the crossing date {1}; check the document</source>
      <translation>datëlindja {0} është pas datës së kalimit {1}; kontrolloni dokumentin</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the estimated age {0} is not that of a child; record only persons presumed to be under 18</source>
      <translation>mosha e vlerësuar {0} nuk është e një fëmije; regjistroni vetëm persona që supozohen nën 18 vjeç</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the expiry date {0} is before the date of birth {1}; check both dates</source>
      <translation>data e skadimit {0} është para datëlindjes {1}; kontrolloni të dyja datat</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the female anti-trafficking officer and the social worker have not confirmed presence; the interview cannot be signed without both</source>
      <translation>oficerja kundër trafikimit dhe punonjësi social nuk e kanë konfirmuar praninë; intervista nuk mund të nënshkruhet pa të dy</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the female anti-trafficking officer has not confirmed presence; the interview cannot be signed without both</source>
      <translation>oficerja kundër trafikimit nuk e ka konfirmuar praninë; intervista nuk mund të nënshkruhet pa të dy</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the idle lock must be between 1 and 60 minutes</source>
      <translation>kyçja pas mospërdorimit duhet të jetë nga 1 deri në 60 minuta</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the interview is not signed yet; change it and sign it</source>
      <translation>intervista nuk është nënshkruar ende; ndryshojeni dhe nënshkruajeni</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the interview is signed and read-only; record a correction with a reason</source>
      <translation>intervista është nënshkruar dhe vetëm lexohet; regjistroni një korrigjim me arsye</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the name is empty; type it as in the document</source>
      <translation>emri është bosh; shkruajeni si në dokument</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the person was {0} on {1}, so not a child; only children under 18 are recorded. If the age is uncertain, mark 'presumed minor' and give an estimated age</source>
      <translation>personi ishte {0} vjeç më {1}, pra jo fëmijë; regjistrohen vetëm fëmijët nën 18 vjeç. Nëse mosha është e pasigurt, shënoni 'i mitur i supozuar' dhe jepni një moshë të vlerësuar</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the planned return {0} is before the crossing date {1}; correct the date or leave it empty</source>
      <translation>kthimi i planifikuar {0} është para datës së kalimit {1}; korrigjoni datën ose lëreni bosh</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the social worker has not confirmed presence; the interview cannot be signed without both</source>
      <translation>punonjësi social nuk e ka konfirmuar praninë; intervista nuk mund të nënshkruhet pa të dy</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the temporary account {0} has expired; the supervisor can make a new one</source>
      <translation>llogaria e përkohshme {0} ka skaduar; mbikëqyrësi mund të krijojë një të re</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>the two passwords differ; type the same one twice</source>
      <translation>dy fjalëkalimet ndryshojnë; shkruani të njëjtin dy herë</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>there is no active user {0} at this station</source>
      <translation>nuk ka përdorues aktiv {0} në këtë stacion</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>this crossing record is void; there is nothing to interview about</source>
      <translation>ky regjistrim kalimi është anuluar; nuk ka për çfarë të intervistohet</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>this field is needed; type it as in the document</source>
      <translation>kjo fushë nevojitet; shkruajeni si në dokument</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>this is the only supervisor; make someone else supervisor first</source>
      <translation>ky është i vetmi mbikëqyrës; bëni më parë dikë tjetër mbikëqyrës</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>this is the only supervisor; without one nobody could manage the station</source>
      <translation>ky është i vetmi mbikëqyrës; pa të askush nuk do ta administronte stacionin</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>this record is already void</source>
      <translation>ky regjistrim është tashmë i anuluar</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>this record was voided; it can no longer be corrected</source>
      <translation>ky regjistrim u anulua; nuk mund të korrigjohet më</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>type how many other children travel with this adult (0 or more)</source>
      <translation>shkruani sa fëmijë të tjerë udhëtojnë me këtë të rritur (0 ose më shumë)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>use 2-64 letters, digits, dots, dashes or underscores, without spaces</source>
      <translation>përdorni 2-64 shkronja, shifra, pika, viza ose nënvija, pa hapësira</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>use at least {0} characters</source>
      <translation>përdorni të paktën {0} shenja</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>use the 3-letter ICAO country code as in the MRZ (for example ALB, GRC, XKX)</source>
      <translation>përdorni kodin ICAO me 3 shkronja të shtetit si në MRZ (për shembull ALB, GRC, XKX)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} A supervisor must enrol this station again.</source>
      <translation>{0} Një mbikëqyrës duhet ta regjistrojë përsëri këtë stacion.</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} already exists at this station; choose another user name</source>
      <translation>{0} ekziston tashmë në këtë stacion; zgjidhni një emër tjetër përdoruesi</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is already disabled</source>
      <translation>{0} është tashmë i çaktivizuar</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is disabled; a password would not open the station</source>
      <translation>{0} është i çaktivizuar; një fjalëkalim nuk do ta hapte stacionin</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not a date in the calendar; check the day and the month</source>
      <translation>{0} nuk është datë në kalendar; kontrolloni ditën dhe muajin</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not a date; type it as DD.MM.YYYY (for example 04.03.2016)</source>
      <translation>{0} nuk është datë; shkruajeni si DD.MM.VVVV (për shembull 04.03.2016)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not a social worker at this station; a social worker without an account gets a temporary one from the supervisor</source>
      <translation>{0} nuk është punonjës social në këtë stacion; një punonjës social pa llogari merr një të përkohshme nga mbikëqyrësi</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not a time; type HH:MM (for example 14:05), or leave it empty for now</source>
      <translation>{0} nuk është orë; shkruani OO:MM (për shembull 14:05), ose lëreni bosh për tani</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not an age; type the estimated age in years (0-17)</source>
      <translation>{0} nuk është moshë; shkruani moshën e vlerësuar në vite (0-17)</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not recorded as a female anti-trafficking officer; the supervisor sets this in Users</source>
      <translation>{0} nuk është regjistruar si oficere kundër trafikimit; mbikëqyrësi e cakton këtë te Përdoruesit</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not the female anti-trafficking officer who confirmed presence; that person signs</source>
      <translation>{0} nuk është oficerja kundër trafikimit që konfirmoi praninë; nënshkruan ai person</translation>
    </message>
    <message>
      <location filename="../../ui/domain_text.py" />
      <source>{0} is not the social worker who confirmed presence; that person signs</source>
      <translation>{0} nuk është punonjësi social që konfirmoi praninë; nënshkruan ai person</translation>
    </message>
  </context>
  <context>
    <name>EntryForm</name>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>(choose)</source>
      <translation>(zgjidhni)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>A check digit is wrong: compare the fields with the document.</source>
      <translation>Një shifër kontrolli është e gabuar: krahasoni fushat me dokumentin.</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>ALB, GRC, XKX…</source>
      <translation>ALB, GRC, XKX…</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Accompanied by</source>
      <translation>Shoqëruar nga</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Add an adult (Ctrl+D)</source>
      <translation>Shto një të rritur (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Adult {0}</source>
      <translation>I rrituri {0}</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Age in doubt</source>
      <translation>Mosha e dyshimtë</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Air</source>
      <translation>Ajër</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>All check digits are correct.</source>
      <translation>Të gjitha shifrat e kontrollit janë të sakta.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Alone</source>
      <translation>I vetëm</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Aunt or uncle</source>
      <translation>Hallë, teze, xhaxha ose dajë</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Birth certificate</source>
      <translation>Certifikatë lindjeje</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Born</source>
      <translation>Datëlindja</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Both parents</source>
      <translation>Të dy prindërit</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Both parents, notarised</source>
      <translation>Të dy prindërit, e noterizuar</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Child</source>
      <translation>Fëmija</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Clear form (Ctrl+N)</source>
      <translation>Pastro formularin (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Cleared</source>
      <translation>Lejuar</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Consent document</source>
      <translation>Dokumenti i pëlqimit</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Contradictions</source>
      <translation>Kundërthënie</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Court custody decision</source>
      <translation>Vendim gjykate për kujdestarinë</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Crossing</source>
      <translation>Kalimi</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>DD.MM.YYYY</source>
      <translation>DD.MM.VVVV</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Death certificate of a parent</source>
      <translation>Certifikatë vdekjeje e një prindi</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Destination</source>
      <translation>Destinacioni</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Direction</source>
      <translation>Drejtimi</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Document</source>
      <translation>Dokumenti</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Document no.</source>
      <translation>Nr. i dokumentit</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Document scan</source>
      <translation>Skanimi i dokumentit</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Entry</source>
      <translation>Hyrje</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Estimated age</source>
      <translation>Mosha e vlerësuar</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Evidence</source>
      <translation>Prova</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Evidence of the relationship, for example a birth or family certificate</source>
      <translation>Prova e lidhjes, për shembull certifikatë lindjeje ose familjare</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Exit</source>
      <translation>Dalje</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Expires</source>
      <translation>Skadon</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>F (female)</source>
      <translation>F (femër)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Family</source>
      <translation>Familja</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Family friend</source>
      <translation>Mik i familjes</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Family name</source>
      <translation>Mbiemri</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Family visit</source>
      <translation>Vizitë familjare</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Father</source>
      <translation>Babai</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>Flags: {0}.</source>
      <translation>Flamujt: {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Given names</source>
      <translation>Emri</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Grandparent</source>
      <translation>Gjysh ose gjyshe</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Group (school, sport)</source>
      <translation>Grup (shkollë, sport)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Group leader</source>
      <translation>Drejtues grupi</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Host named in it</source>
      <translation>Pritësi i përmendur</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Host or hotel</source>
      <translation>Pritësi ose hoteli</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>How many other children travel with this adult who are not documented relatives</source>
      <translation>Sa fëmijë të tjerë udhëtojnë me këtë të rritur pa qenë të afërm të dokumentuar</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Identity card</source>
      <translation>Letërnjoftim</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Initial interview</source>
      <translation>Intervistë fillestare</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Issued by</source>
      <translation>Lëshuar nga</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Journey and consent</source>
      <translation>Udhëtimi dhe pëlqimi</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Land</source>
      <translation>Tokë</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Legal guardian</source>
      <translation>Kujdestar ligjor</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>M (male)</source>
      <translation>M (mashkull)</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>MRZ</source>
      <translation>MRZ</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Medical</source>
      <translation>Mjekim</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Mother</source>
      <translation>Nëna</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Moving abroad</source>
      <translation>Shpërngulje jashtë vendit</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Nationality</source>
      <translation>Shtetësia</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>No document</source>
      <translation>Pa dokument</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>No flags.</source>
      <translation>Pa flamuj.</translation>
    </message>
    <message>
      <location filename="../../ui/entry_feedback.py" />
      <source>No risk flags.</source>
      <translation>Asnjë flamur rreziku.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>None</source>
      <translation>Asnjë</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>Not saved: {0}</source>
      <translation>Nuk u ruajt: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Notes</source>
      <translation>Shënime</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Number</source>
      <translation>Numri</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>One parent</source>
      <translation>Një prind</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Other</source>
      <translation>Tjetër</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Other children</source>
      <translation>Fëmijë të tjerë</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Other parent, notarised</source>
      <translation>Prindi tjetër, e noterizuar</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Other relative</source>
      <translation>I afërm tjetër</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Outcome</source>
      <translation>Përfundimi</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Paid by</source>
      <translation>Paguar nga</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Parents</source>
      <translation>Prindërit</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Passport</source>
      <translation>Pasaportë</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Payer's name</source>
      <translation>Emri i paguesit</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Planned return</source>
      <translation>Kthimi i planifikuar</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Presumed minor (no reliable date of birth)</source>
      <translation>I mitur i supozuar (pa datëlindje të besueshme)</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Purpose</source>
      <translation>Qëllimi</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Referred</source>
      <translation>Referuar</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Relationship</source>
      <translation>Lidhja</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Relative</source>
      <translation>I afërm</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Remove adult {0}</source>
      <translation>Hiq të rriturin {0}</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Return ticket</source>
      <translation>Bileta e kthimit</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Risk flags</source>
      <translation>Flamujt e rrezikut</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Save (Enter or Ctrl+S)</source>
      <translation>Ruaj (Enter ose Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>Saved: {0} {1}, {2} at {3}. Record {4}.</source>
      <translation>U ruajt: {0} {1}, {2} në orën {3}. Regjistrimi {4}.</translation>
    </message>
    <message>
      <location filename="../../ui/adult_box.py" />
      <source>Scan the adult's document (optional)</source>
      <translation>Skanoni dokumentin e të rriturit (sipas dëshirës)</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>Scan the child’s document, or type the fields, to begin.</source>
      <translation>Skanoni dokumentin e fëmijës, ose plotësoni fushat, për të filluar.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Scan the document (or type its MRZ lines)</source>
      <translation>Skanoni dokumentin (ose shkruani rreshtat e MRZ-së)</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Sea</source>
      <translation>Det</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Second line check</source>
      <translation>Kontroll në linjën e dytë</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Sex</source>
      <translation>Gjinia</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Shown</source>
      <translation>E paraqitur</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Sibling</source>
      <translation>Vëlla ose motër</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Someone else</source>
      <translation>Dikush tjetër</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Sport</source>
      <translation>Sport</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Stopped</source>
      <translation>Ndaluar</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Study</source>
      <translation>Studime</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>The child</source>
      <translation>Fëmija vetë</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>The child's and the adults' answers differ</source>
      <translation>Përgjigjet e fëmijës dhe të të rriturve ndryshojnë</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>The flags show once the form is complete ({0} to fill in or fix).</source>
      <translation>Flamujt shfaqen kur formulari është i plotë ({0} për t’u plotësuar ose ndrequr).</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Time</source>
      <translation>Ora</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Tourism</source>
      <translation>Turizëm</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Transport</source>
      <translation>Transporti</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Travel document</source>
      <translation>Dokument udhëtimi</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Type</source>
      <translation>Lloji</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Unknown</source>
      <translation>E panjohur</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Unrelated</source>
      <translation>Pa lidhje</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Unrelated adult</source>
      <translation>I rritur pa lidhje familjare</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>Vehicle</source>
      <translation>Mjeti</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>Work</source>
      <translation>Punë</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>X (unspecified)</source>
      <translation>X (e papërcaktuar)</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>Your unfinished form from {0} is back. Finish it, or press Ctrl+N to start again.</source>
      <translation>Formulari juaj i papërfunduar nga {0} u rikthye. Përfundojeni, ose shtypni Ctrl+N për të filluar nga e para.</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>birth date</source>
      <translation>data e lindjes</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>composite</source>
      <translation>shifra e përbërë</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>document number</source>
      <translation>numri i dokumentit</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>entry</source>
      <translation>hyrje</translation>
    </message>
    <message>
      <location filename="../../ui/entry_form.py" />
      <source>exit</source>
      <translation>dalje</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>expiry date</source>
      <translation>data e skadimit</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>now, or HH:MM if earlier</source>
      <translation>tani, ose OO:MM nëse më herët</translation>
    </message>
    <message>
      <location filename="../../ui/form_fields.py" />
      <source>personal number</source>
      <translation>numri personal</translation>
    </message>
    <message>
      <location filename="../../ui/entry_layout.py" />
      <source>years, when the age is in doubt</source>
      <translation>vite, kur mosha është e dyshimtë</translation>
    </message>
    <message>
      <location filename="../../ui/entry_feedback.py" />
      <source>{0} thing(s) to fix before saving; each is shown under its field.</source>
      <translation>{0} gjë(ra) për t’u ndrequr para ruajtjes; secila shfaqet nën fushën e vet.</translation>
    </message>
  </context>
  <context>
    <name>Interviews</name>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>(choose)</source>
      <translation>(zgjidhni)</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>An interpreter was used</source>
      <translation>U përdor përkthyes</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Back to the queue</source>
      <translation>Kthehu te radha</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Both sign the completed interview</source>
      <translation>Të dy nënshkruajnë intervistën e plotësuar</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Checklist</source>
      <translation>Lista e kontrollit</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Child</source>
      <translation>Fëmija</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Children flagged in the last 72 hours or sent to second line, and interviews not yet signed; the longest waiting first.</source>
      <translation>Fëmijë me flamur në 72 orët e fundit ose të dërguar në linjën e dytë, dhe intervista ende pa nënshkruar; më parë ata që presin më gjatë.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Confirm presence</source>
      <translation>Konfirmo praninë</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Correct the signed interview</source>
      <translation>Korrigjo intervistën e nënshkruar</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>Correction saved with its reason; the signed version stays in the history.</source>
      <translation>Korrigjimi u ruajt me arsyen e tij; versioni i nënshkruar mbetet në historik.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Correct…</source>
      <translation>Korrigjo…</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Create the account</source>
      <translation>Krijo llogarinë</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Crossing</source>
      <translation>Kalimi</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Decision</source>
      <translation>Vendimi</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Decision and referral</source>
      <translation>Vendimi dhe referimi</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Entry</source>
      <translation>Hyrje</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Exit</source>
      <translation>Dalje</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Expires after (hours)</source>
      <translation>Skadon pas (orësh)</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Female anti-trafficking officer</source>
      <translation>Oficerja kundër trafikimit</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Flags</source>
      <translation>Flamujt</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Full name</source>
      <translation>Emri i plotë</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Guardian or representative</source>
      <translation>Kujdestari ose përfaqësuesi</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>HH:MM (empty: now)</source>
      <translation>OO:MM (bosh: tani)</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Interpreter</source>
      <translation>Përkthyesi</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Interview</source>
      <translation>Intervista</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Language used</source>
      <translation>Gjuha e përdorur</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Missing: {0}. The interview cannot be signed without both.</source>
      <translation>Mungon: {0}. Intervista nuk mund të nënshkruhet pa të dy.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>No</source>
      <translation>Jo</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>No child is waiting for an interview.</source>
      <translation>Asnjë fëmijë nuk pret për intervistë.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>Not applicable</source>
      <translation>Nuk zbatohet</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Not present yet</source>
      <translation>Ende jo i/e pranishëm</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Notes</source>
      <translation>Shënime</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Only the interview's participants, social workers and the supervisor see what was said. Here: who is present and how far the interview is.</source>
      <translation>Vetëm pjesëmarrësit e intervistës, punonjësit socialë dhe mbikëqyrësi shohin çfarë u tha. Këtu: kush është i pranishëm dhe sa ka ecur intervista.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Only the {0} longest waiting are shown.</source>
      <translation>Shfaqen vetëm {0} që presin më gjatë.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Open the interview</source>
      <translation>Hap intervistën</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Organisation</source>
      <translation>Organizata</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Password (typed by the social worker)</source>
      <translation>Fjalëkalimi (e shkruan punonjësi social)</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Password again</source>
      <translation>Fjalëkalimi përsëri</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Present</source>
      <translation>Të pranishëm</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Present at the interview</source>
      <translation>Të pranishëm në intervistë</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Record the call</source>
      <translation>Regjistro thirrjen</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Referral slip (PDF)…</source>
      <translation>Fleta e referimit (PDF)…</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Referral time</source>
      <translation>Ora e referimit</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Referred to</source>
      <translation>Referuar te</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Refresh</source>
      <translation>Rifresko</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Rights sheet (PDF)…</source>
      <translation>Fleta e të drejtave (PDF)…</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>Save as PDF</source>
      <translation>Ruaj si PDF</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Save now</source>
      <translation>Ruaj tani</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Save the correction</source>
      <translation>Ruaj korrigjimin</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>Saved.</source>
      <translation>U ruajt.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Sign the interview</source>
      <translation>Nënshkruaj intervistën</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>Signed by both. The interview is now read-only; print the referral slip.</source>
      <translation>U nënshkrua nga të dy. Intervista tani vetëm lexohet; shtypni fletën e referimit.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Signed by both: {0}, {1}.</source>
      <translation>Nënshkruar nga të dy: {0}, {1}.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Social worker</source>
      <translation>Punonjësi social</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Social worker {0}.</source>
      <translation>Punonjësi social: {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Stand-by social worker:</source>
      <translation>Punonjësi social në gatishmëri:</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>Temporary account for a social worker</source>
      <translation>Llogari e përkohshme për një punonjës social</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>Temporary account for a social worker…</source>
      <translation>Llogari e përkohshme për një punonjës social…</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>The child</source>
      <translation>Fëmija</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>The child's views</source>
      <translation>Mendimi i fëmijës</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>The interpreter has no link to the accompanying adult</source>
      <translation>Përkthyesi nuk ka lidhje me të rriturin shoqërues</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>User name</source>
      <translation>Emri i përdoruesit</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>Waiting</source>
      <translation>Pret</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>Written: {0}</source>
      <translation>U shkrua: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>Yes</source>
      <translation>Po</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>and</source>
      <translation>dhe</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>badge or organisation</source>
      <translation>distinktivi ose organizata</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>called at HH:MM (empty: now)</source>
      <translation>thirrur në OO:MM (bosh: tani)</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>called at {0}</source>
      <translation>thirrur më {0}</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>crossing {0}, interview opened {1}, {2}</source>
      <translation>kalimi {0}, intervista e hapur {1}, {2}</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>female officer</source>
      <translation>oficerja</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>female officer's password</source>
      <translation>fjalëkalimi i oficeres</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>his or her own password</source>
      <translation>fjalëkalimi i vet</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>interpreter's language</source>
      <translation>gjuha e përkthyesit</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>not needed</source>
      <translation>nuk nevojitet</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>note</source>
      <translation>shënim</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>open</source>
      <translation>e hapur</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>present</source>
      <translation>i pranishëm</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>requested</source>
      <translation>i kërkuar</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>signed</source>
      <translation>e nënshkruar</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>social worker</source>
      <translation>punonjësi social</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>social worker's password</source>
      <translation>fjalëkalimi i punonjësit social</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>the female anti-trafficking officer</source>
      <translation>oficerja kundër trafikimit</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>the social worker</source>
      <translation>punonjësi social</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>user name</source>
      <translation>emri i përdoruesit</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>waiting</source>
      <translation>në pritje</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>why (kept with the interview; at least 5 characters)</source>
      <translation>pse (ruhet me intervistën; të paktën 5 shenja)</translation>
    </message>
    <message>
      <location filename="../../ui/interview_layout.py" />
      <source>why it takes long, if it does</source>
      <translation>pse vonon, nëse vonon</translation>
    </message>
    <message>
      <location filename="../../ui/interview_form.py" />
      <source>why not applicable</source>
      <translation>pse nuk zbatohet</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>{0} days</source>
      <translation>{0} ditë</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>{0} h {1} min</source>
      <translation>{0} orë {1} min</translation>
    </message>
    <message>
      <location filename="../../ui/interview_queue.py" />
      <source>{0} min</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <location filename="../../ui/interview_presence.py" />
      <source>{0}{1}, arrived {2}</source>
      <translation>{0}{1}, mbërriti {2}</translation>
    </message>
  </context>
  <context>
    <name>LoginPage</name>
    <message>
      <location filename="../../ui/login.py" />
      <source>Central console…</source>
      <translation>Konsola qendrore…</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Demo station: users and passwords</source>
      <translation>Stacion demonstrimi: përdoruesit dhe fjalëkalimet</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>For central admins: every station's sync status, enrolments, reports</source>
      <translation>Për administratorët qendrorë: gjendja e sinkronizimit të çdo stacioni, regjistrimet, raportet</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Language</source>
      <translation>Gjuha</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Locked after {1} minutes without use. {0} can unlock with the password, or another user can sign in.</source>
      <translation>E kyçur pas {1} minutash pa përdorim. {0} mund ta zhbllokojë me fjalëkalim, ose mund të hyjë një përdorues tjetër.</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Locked by {0}. {0} can unlock with the password, or another user can sign in.</source>
      <translation>E kyçur nga {0}. {0} mund ta zhbllokojë me fjalëkalim, ose mund të hyjë një përdorues tjetër.</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Opening the station…</source>
      <translation>Po hapet stacioni…</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Password</source>
      <translation>Fjalëkalimi</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Sign in</source>
      <translation>Hyr</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Too many wrong passwords. Try again in {0} s.</source>
      <translation>Shumë fjalëkalime të gabuara. Provoni përsëri pas {0} s.</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>Type your user name and password.</source>
      <translation>Shkruani emrin e përdoruesit dhe fjalëkalimin.</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>User</source>
      <translation>Përdoruesi</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>You can try again now.</source>
      <translation>Tani mund të provoni përsëri.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/app.py" />
      <source>&amp;Interviews</source>
      <translation>&amp;Intervistat</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>&amp;New crossing</source>
      <translation>Kalim i &amp;ri</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>&amp;Records</source>
      <translation>&amp;Regjistrimet</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>&amp;Users</source>
      <translation>&amp;Përdoruesit</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>(oldest {0})</source>
      <translation>(më e vjetra {0})</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Central server</source>
      <translation>Serveri qendror</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Child crossings and interviews at this station</source>
      <translation>Kalimet e fëmijëve dhe intervistat në këtë stacion</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Not enrolled with a central server</source>
      <translation>E paregjistruar në serverin qendror</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Offline</source>
      <translation>Pa lidhje</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Online</source>
      <translation>Në linjë</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Re&amp;port</source>
      <translation>Ra&amp;porti</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>S&amp;ync</source>
      <translation>S&amp;inkronizimi</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Se&amp;ttings</source>
      <translation>Cilësi&amp;met</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Security alarm: the server's certificate is not the one enrolled. Do not proceed; call the central admins.</source>
      <translation>Alarm sigurie: certifikata e serverit nuk është ajo e regjistruar. Mos vazhdoni; telefononi administratorët qendrorë.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Something went wrong inside BorderApp. Nothing you recorded was lost. Copy the details below for the support team.</source>
      <translation>Ndodhi një gabim brenda BorderApp. Asgjë nga sa regjistruat nuk humbi. Kopjoni hollësitë më poshtë për ekipin e mbështetjes.</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>Station store: {0}</source>
      <translation>Ruajtja e stacionit: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>last sync {0}</source>
      <translation>sinkronizimi i fundit {0}</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>under a minute</source>
      <translation>më pak se një minutë</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>{0} ({1}) at {2}, {3}</source>
      <translation>{0} ({1}) në {2}, {3}</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>{0} days</source>
      <translation>{0} ditë</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>{0} h</source>
      <translation>{0} orë</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>{0} min</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>{0} not sent</source>
      <translation>{0} të padërguara</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" />
      <source>{0} record event(s) are not yet at the central server. They stay safe on this workstation and are sent the next time BorderApp runs with a connection. Close anyway?</source>
      <translation>{0} ngjarje regjistrimi nuk kanë arritur ende në serverin qendror. Ato mbeten të sigurta në këtë stacion pune dhe dërgohen herën tjetër që BorderApp punon me lidhje. Të mbyllet gjithsesi?</translation>
    </message>
  </context>
  <context>
    <name>Papers</name>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Border crossing point: {0}</source>
      <translation>Pika e kalimit kufitar: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Case reference: {0}</source>
      <translation>Referenca e çështjes: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Check code: {0}</source>
      <translation>Kodi i kontrollit: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Child Protection Unit</source>
      <translation>Njësia për Mbrojtjen e Fëmijës</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Decision: {0}</source>
      <translation>Vendimi: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Female anti-trafficking officer</source>
      <translation>Oficerja kundër trafikimit</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Initial identification interview of a child</source>
      <translation>Intervista fillestare e identifikimit të një fëmije</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Interview signed: {0}</source>
      <translation>Intervista u nënshkrua: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Present and signed</source>
      <translation>Të pranishëm dhe nënshkruan</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Received by (name, organisation, signature, time):</source>
      <translation>Marrë nga (emri, organizata, nënshkrimi, ora):</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Referral slip</source>
      <translation>Fleta e referimit</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Referral slip {0}</source>
      <translation>Fleta e referimit {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Referral time: {0}</source>
      <translation>Ora e referimit: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Referred to: {0}</source>
      <translation>Referuar te: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Responsible Authority (National Referral Mechanism)</source>
      <translation>Autoriteti Përgjegjës (Mekanizmi Kombëtar i Referimit)</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Signed with password at {0}</source>
      <translation>Nënshkruar me fjalëkalim më {0}</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>Social worker</source>
      <translation>Punonjësi social</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>This slip carries no personal data of the child. The child's details reach the receiving authority through the National Referral Mechanism; quote the case reference and check code.</source>
      <translation>Kjo fletë nuk mban asnjë të dhënë personale të fëmijës. Të dhënat e fëmijës i arrijnë autoritetit marrës përmes Mekanizmit Kombëtar të Referimit; citoni referencën e çështjes dhe kodin e kontrollit.</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>child at risk</source>
      <translation>fëmijë në rrezik</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>family</source>
      <translation>familja</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>no concern found</source>
      <translation>asnjë shqetësim</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>none</source>
      <translation>asnjë</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>potential victim of trafficking</source>
      <translation>viktimë e mundshme e trafikimit</translation>
    </message>
    <message>
      <location filename="../../ui/papers.py" />
      <source>shelter</source>
      <translation>strehëz</translation>
    </message>
  </context>
  <context>
    <name>RecordDialogs</name>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Cancel</source>
      <translation>Anulo</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Change what was recorded wrongly, say why, and save. The record keeps its history: the first version and every correction, with who made it and why.</source>
      <translation>Ndryshoni atë që u regjistrua gabim, thoni pse dhe ruajeni. Regjistrimi e ruan historikun: versionin e parë dhe çdo korrigjim, me kush e bëri dhe pse.</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Correct a crossing record</source>
      <translation>Korrigjo një regjistrim kalimi</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Reason</source>
      <translation>Arsyeja</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Save the correction (Ctrl+S)</source>
      <translation>Ruaj korrigjimin (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Void a crossing record</source>
      <translation>Anulo një regjistrim kalimi</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Void the record</source>
      <translation>Anulo regjistrimin</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Void the record of {0} only if it should never have been made (a duplicate, the wrong person). It stays in the history and at the central server, marked void, with your reason.</source>
      <translation>Anulojeni regjistrimin e {0} vetëm nëse nuk duhej bërë kurrë (i dyfishtë, personi i gabuar). Ai mbetet në historik dhe në serverin qendror, i shënuar si i anuluar, me arsyen tuaj.</translation>
    </message>
    <message>
      <location filename="../../ui/record_dialogs.py" />
      <source>Why (kept with the record; at least 5 characters)</source>
      <translation>Pse (ruhet me regjistrimin; të paktën 5 shenja)</translation>
    </message>
  </context>
  <context>
    <name>RecordsModel</name>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Accompaniment</source>
      <translation>Shoqërimi</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Active</source>
      <translation>Aktiv</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Born</source>
      <translation>Lindur</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Central server</source>
      <translation>Serveri qendror</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Direction</source>
      <translation>Drejtimi</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Document</source>
      <translation>Dokumenti</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Entry</source>
      <translation>Hyrje</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Exit</source>
      <translation>Dalje</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Flags</source>
      <translation>Flamujt</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Name</source>
      <translation>Emri</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Not sent</source>
      <translation>I padërguar</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Quarantined</source>
      <translation>Në karantinë</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Received</source>
      <translation>I marrë</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Sent, no receipt yet</source>
      <translation>Dërguar, pa dëftesë ende</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Status</source>
      <translation>Gjendja</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Time</source>
      <translation>Koha</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>Void</source>
      <translation>Anuluar</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>alone</source>
      <translation>i vetëm</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>both parents</source>
      <translation>të dy prindërit</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>group</source>
      <translation>grup</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>legal guardian</source>
      <translation>kujdestar ligjor</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>one parent</source>
      <translation>një prind</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>relative</source>
      <translation>i afërm</translation>
    </message>
    <message>
      <location filename="../../ui/records_model.py" />
      <source>unrelated adult</source>
      <translation>i rritur pa lidhje</translation>
    </message>
  </context>
  <context>
    <name>RecordsView</name>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>All records</source>
      <translation>Të gjitha regjistrimet</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Awaiting interview</source>
      <translation>Në pritje të intervistës</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Born</source>
      <translation>Lindur</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Central server: {0}</source>
      <translation>Serveri qendror: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Correct this record…</source>
      <translation>Korrigjo këtë regjistrim…</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Corrected</source>
      <translation>Korrigjuar</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Document</source>
      <translation>Dokumenti</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Flagged</source>
      <translation>Me flamur</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Flags</source>
      <translation>Flamujt</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>History</source>
      <translation>Historiku</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Loading…</source>
      <translation>Po ngarkohet…</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Nationality</source>
      <translation>Shtetësia</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Not yet synced</source>
      <translation>Ende pa u sinkronizuar</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Reason: {0}</source>
      <translation>Arsyeja: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Recorded</source>
      <translation>Regjistruar</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Search: family name, any name part or document number</source>
      <translation>Kërko: mbiemri, çdo pjesë e emrit ose numri i dokumentit</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Select a record to see it, its flags and its history.</source>
      <translation>Zgjidhni një regjistrim për të parë atë, flamujt dhe historikun e tij.</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>This record is void.</source>
      <translation>Ky regjistrim është anuluar.</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Today</source>
      <translation>Sot</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Void this record…</source>
      <translation>Anulo këtë regjistrim…</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>Voided</source>
      <translation>Anuluar</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>receipt {0}, {1}</source>
      <translation>dëftesa {0}, {1}</translation>
    </message>
    <message>
      <location filename="../../ui/records_view.py" />
      <source>{0} on {1} by {2} ({3})</source>
      <translation>{0} më {1} nga {2} ({3})</translation>
    </message>
  </context>
  <context>
    <name>ReportView</name>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>All</source>
      <translation>Të gjitha</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Anonymised CSV…</source>
      <translation>CSV e anonimizuar…</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Border crossing point</source>
      <translation>Pika e kalimit kufitar</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Both present, %</source>
      <translation>Të dy të pranishëm, %</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>CSV…</source>
      <translation>CSV…</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Children</source>
      <translation>Fëmijë</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Children recorded, flagged and interviewed, by border crossing point</source>
      <translation>Fëmijë të regjistruar, me flamur dhe të intervistuar, sipas pikës së kalimit kufitar</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Counting…</source>
      <translation>Po numërohet…</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Entries</source>
      <translation>Hyrje</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Exits</source>
      <translation>Dalje</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Export the report</source>
      <translation>Eksporto raportin</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Flagged</source>
      <translation>Me flamur</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Hours to interview, average</source>
      <translation>Orë deri te intervista, mesatare</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Hours to interview, median</source>
      <translation>Orë deri te intervista, mediana</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Hours to referral, average</source>
      <translation>Orë deri te referimi, mesatare</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Hours to referral, median</source>
      <translation>Orë deri te referimi, mediana</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Interviews</source>
      <translation>Intervista</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>PDF with chart…</source>
      <translation>PDF me grafik…</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Quarter {0}</source>
      <translation>Tremujori {0}</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Show the report</source>
      <translation>Shfaq raportin</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>To a shelter</source>
      <translation>Në strehëz</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>To the Child Protection Unit</source>
      <translation>Te Njësia për Mbrojtjen e Fëmijës</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>To the Responsible Authority</source>
      <translation>Tek Autoriteti Përgjegjës</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>To the family</source>
      <translation>Te familja</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Unaccompanied</source>
      <translation>Të pashoqëruar</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Written: {0}</source>
      <translation>U shkrua: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>Year</source>
      <translation>Viti</translation>
    </message>
    <message>
      <location filename="../../ui/report_view.py" />
      <source>{0}, quarter {1}: {2} children, {3} flagged, {4} interviews.</source>
      <translation>{0}, tremujori {1}: {2} fëmijë, {3} me flamur, {4} intervista.</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <location filename="../../ui/settings_page.py" />
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <location filename="../../ui/settings_page.py" />
      <source>Language on this workstation</source>
      <translation>Gjuha në këtë stacion pune</translation>
    </message>
    <message>
      <location filename="../../ui/settings_page.py" />
      <source>Lock after this long without use</source>
      <translation>Kyç pas kaq kohe pa përdorim</translation>
    </message>
    <message>
      <location filename="../../ui/settings_page.py" />
      <source>Save settings</source>
      <translation>Ruaj cilësimet</translation>
    </message>
    <message>
      <location filename="../../ui/settings_page.py" />
      <source>Settings saved.</source>
      <translation>Cilësimet u ruajtën.</translation>
    </message>
    <message>
      <location filename="../../ui/settings_page.py" />
      <source>Station settings</source>
      <translation>Cilësimet e stacionit</translation>
    </message>
  </context>
  <context>
    <name>SetupPage</name>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>(choose the border crossing point)</source>
      <translation>(zgjidhni pikën e kalimit kufitar)</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Badge number</source>
      <translation>Numri i distinktivit</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Border crossing point</source>
      <translation>Pika e kalimit kufitar</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>BorderApp {0} found no station in {1}. Create it here; you become its first supervisor.</source>
      <translation>BorderApp {0} nuk gjeti asnjë stacion në {1}. Krijojeni këtu; ju bëheni mbikëqyrësi i tij i parë.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Central console…</source>
      <translation>Konsola qendrore…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Create the station</source>
      <translation>Krijo stacionin</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Creating the encrypted station…</source>
      <translation>Po krijohet stacioni i enkriptuar…</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Female anti-trafficking officer</source>
      <translation>Oficere femër kundër trafikimit</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Fix what is marked, then create the station.</source>
      <translation>Ndreqni sa është shënuar, pastaj krijoni stacionin.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>For central admins: no station is needed</source>
      <translation>Për administratorët qendrorë: nuk nevojitet stacion</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Language</source>
      <translation>Gjuha</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Password (8 or more characters)</source>
      <translation>Fjalëkalimi (8 ose më shumë shenja)</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Password again</source>
      <translation>Fjalëkalimi përsëri</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Set up this station</source>
      <translation>Ngrini këtë stacion</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Station name</source>
      <translation>Emri i stacionit</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>The records are encrypted with a key that only the users' passwords open. Keep station.db and station.keys together in every backup. To try BorderApp first, start it with --demo.</source>
      <translation>Regjistrimet janë të enkriptuara me një çelës që e hapin vetëm fjalëkalimet e përdoruesve. Mbani station.db dhe station.keys bashkë në çdo kopje rezervë. Për ta provuar më parë BorderApp, nisni me --demo.</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Your full name</source>
      <translation>Emri juaj i plotë</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>Your user name</source>
      <translation>Emri juaj i përdoruesit</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>air</source>
      <translation>ajrore</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>for example: Kakavijë, exit lane 2</source>
      <translation>për shembull: Kakavijë, korsia e daljes 2</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>land</source>
      <translation>tokësore</translation>
    </message>
    <message>
      <location filename="../../ui/setup_page.py" />
      <source>sea</source>
      <translation>detare</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Check the code</source>
      <translation>Kontrollo kodin</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Checking the code and the server…</source>
      <translation>Po kontrollohen kodi dhe serveri…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Compare the fingerprint with the one the central admin gave you, then enrol.</source>
      <translation>Krahasoni gjurmën me atë që ju dha administratori qendror, pastaj regjistrohuni.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Enrol this station with the central server</source>
      <translation>Regjistro këtë stacion në serverin qendror</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Enrol with this server</source>
      <translation>Regjistrohu në këtë server</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Enrolled</source>
      <translation>Regjistruar</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Enrolled. Records are sent whenever there is a connection.</source>
      <translation>U regjistrua. Regjistrimet dërgohen sa herë ka lidhje.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Enrolling…</source>
      <translation>Po regjistrohet…</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Error</source>
      <translation>Gabim</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Events sent</source>
      <translation>Ngjarje të dërguara</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Last error: {0}</source>
      <translation>Gabimi i fundit: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Last successful sync: {0}.</source>
      <translation>Sinkronizimi i fundit i suksesshëm: {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Latest attempts</source>
      <translation>Përpjekjet e fundit</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>No connection</source>
      <translation>Pa lidhje</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Not yet at the central server: {0} event(s).</source>
      <translation>Ende jo në serverin qendror: {0} ngjarje.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Outcome</source>
      <translation>Rezultati</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Paste the enrolment code, or scan its QR code</source>
      <translation>Ngjitni kodin e regjistrimit, ose skanoni kodin e tij QR</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Plain HTTP: the connection is not encrypted (for tests only).</source>
      <translation>HTTP i thjeshtë: lidhja nuk është e enkriptuar (vetëm për prova).</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Sends to {0} for {1}, enrolled {2}.</source>
      <translation>Dërgon te {0} për {1}, regjistruar më {2}.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Sent</source>
      <translation>Dërguar</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Server certificate pinned: {0}</source>
      <translation>Certifikata e serverit e fiksuar: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Server: &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Border crossing point: &lt;b&gt;{1}&lt;/b&gt;&lt;br&gt;Certificate fingerprint: &lt;b&gt;{2}&lt;/b&gt;</source>
      <translation>Serveri: &lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Pika e kalimit kufitar: &lt;b&gt;{1}&lt;/b&gt;&lt;br&gt;Gjurma e certifikatës: &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>Sync now</source>
      <translation>Sinkronizo tani</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>This station is not enrolled with a central server: its records stay here until it is.</source>
      <translation>Ky stacion nuk është i regjistruar në një server qendror: regjistrimet e tij mbeten këtu derisa të regjistrohet.</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>What happened</source>
      <translation>Çfarë ndodhi</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>When</source>
      <translation>Kur</translation>
    </message>
    <message>
      <location filename="../../ui/sync_page.py" />
      <source>none (plain HTTP, for tests only)</source>
      <translation>asnjë (HTTP i thjeshtë, vetëm për prova)</translation>
    </message>
  </context>
  <context>
    <name>UsersPage</name>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>A new password writes a new key slot for the same encrypted data: the old password stops working at once. A disabled user's slot is removed; the user's records stay.</source>
      <translation>Një fjalëkalim i ri shkruan një vend të ri çelësi për të njëjtat të dhëna të enkriptuara: fjalëkalimi i vjetër pushon së punuari menjëherë. Vendi i çelësit të një përdoruesi të çaktivizuar hiqet; regjistrimet e tij mbeten.</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Active</source>
      <translation>Aktiv</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Add user</source>
      <translation>Shto përdoruesin</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Badge</source>
      <translation>Distinktivi</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Badge number</source>
      <translation>Numri i distinktivit</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Changes to {0} saved.</source>
      <translation>Ndryshimet për {0} u ruajtën.</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Disable user</source>
      <translation>Çaktivizo përdoruesin</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Disabled</source>
      <translation>Çaktivizuar</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Female AT officer</source>
      <translation>Oficere femër KT</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Female anti-trafficking officer</source>
      <translation>Oficere femër kundër trafikimit</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Fix what is marked.</source>
      <translation>Ndreqni sa është shënuar.</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Full name</source>
      <translation>Emri i plotë</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>New password for {0} set; the old one no longer opens the station.</source>
      <translation>U vendos fjalëkalimi i ri për {0}; i vjetri nuk e hap më stacionin.</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>New user</source>
      <translation>Përdorues i ri</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Officer</source>
      <translation>Oficer</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Password</source>
      <translation>Fjalëkalimi</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Password again</source>
      <translation>Fjalëkalimi përsëri</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Role</source>
      <translation>Roli</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Save changes</source>
      <translation>Ruaj ndryshimet</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Set this password</source>
      <translation>Vendos këtë fjalëkalim</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Social worker</source>
      <translation>Punonjës social</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>State</source>
      <translation>Gjendja</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Supervisor</source>
      <translation>Mbikëqyrës</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Temporary, until {0}</source>
      <translation>I përkohshëm, deri më {0}</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>User</source>
      <translation>Përdoruesi</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>User name</source>
      <translation>Emri i përdoruesit</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>User {0} added.</source>
      <translation>Përdoruesi {0} u shtua.</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>Yes</source>
      <translation>Po</translation>
    </message>
    <message>
      <location filename="../../ui/users_page.py" />
      <source>{0} disabled; the password no longer opens the station.</source>
      <translation>{0} u çaktivizua; fjalëkalimi nuk e hap më stacionin.</translation>
    </message>
  </context>
</TS>
