@echo off
rem Start het handboek op deze computer (Windows): dubbelklik dit bestand.
rem Het handboek is enkel op deze computer te zien. Sluit dit venster om te stoppen.
rem Met Python (de py-launcher): dezelfde server als op Linux en macOS.
rem Zonder Python: de webserver die in Windows PowerShell zit.
where py >nul 2>nul
if %errorlevel%==0 (
  py -3 "%~dp0start\serve.py" --poort @PORT@ %*
) else (
  powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0start\serve.ps1" -Poort @PORT@
)
if errorlevel 1 pause
