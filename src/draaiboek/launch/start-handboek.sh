#!/bin/sh
# Start het handboek op deze computer (Linux). Dubbelklik of typ: sh start-handboek.sh
# Het handboek is enkel op deze computer te zien (127.0.0.1). Sluit dit venster om te stoppen.
here=$(cd "$(dirname "$0")" && pwd)
for python in python3 python; do
  if command -v "$python" >/dev/null 2>&1 &&
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 8))' >/dev/null 2>&1; then
    exec "$python" "$here/start/serve.py" --poort @PORT@ "$@"
  fi
done
echo "Python 3 is niet gevonden op deze computer; daarom kan het handboek niet starten." >&2
echo "Installeer Python 3 (bv. met het pakket 'python3') of vraag het aan je IT-dienst." >&2
echo "Zonder Python kan je index.html in de map 'handboek' openen: lezen, invullen en" >&2
echo "afdrukken lukt dan, maar de formulieren berekenen geen resultaat." >&2
exit 1
