#!/bin/sh
# Start het handboek op deze Mac: dubbelklik dit bestand (de eerste keer: rechtsklik > Open).
# Het handboek is enkel op deze computer te zien (127.0.0.1). Sluit dit venster om te stoppen.
here=$(cd "$(dirname "$0")" && pwd)
for python in python3 python; do
  if command -v "$python" >/dev/null 2>&1 &&
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 8))' >/dev/null 2>&1; then
    exec "$python" "$here/start/serve.py" --poort @PORT@ "$@"
  fi
done
echo "Python 3 is niet gevonden op deze Mac; daarom kan het handboek niet starten."
echo "Installeer Python 3 van python.org (of de 'Command Line Tools' die macOS voorstelt)"
echo "of vraag het aan je IT-dienst. Zonder Python kan je index.html in de map 'handboek'"
echo "openen: lezen, invullen en afdrukken lukt dan, maar de formulieren berekenen niets."
printf "Druk op Enter om dit venster te sluiten. "
read -r _
exit 1
