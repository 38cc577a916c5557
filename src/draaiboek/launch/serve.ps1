# Het handboek op deze computer tonen zonder Python: de HTTP-listener van Windows.
# Gestart door start-handboek.bat. Enkel bereikbaar vanop deze computer (localhost).
param([int]$Poort = 47100)

$site = Join-Path (Split-Path -Parent $PSScriptRoot) "handboek"
$types = @{
  ".html" = "text/html; charset=utf-8"; ".js" = "text/javascript; charset=utf-8";
  ".mjs" = "text/javascript"; ".css" = "text/css; charset=utf-8"; ".json" = "application/json";
  ".wasm" = "application/wasm"; ".zip" = "application/zip"; ".whl" = "application/zip";
  ".svg" = "image/svg+xml"; ".png" = "image/png"; ".ico" = "image/x-icon";
  ".xml" = "application/xml"; ".txt" = "text/plain; charset=utf-8"
}
# draaiboek.caching's rule, filled in by `draaiboek pack`: files whose name
# changes with their content may be kept for a year.
$immutable = '@IMMUTABLE@'

$listener = $null
foreach ($p in ($Poort..($Poort + 9))) {
  $try = New-Object System.Net.HttpListener
  # "localhost" (not 127.0.0.1): Windows lets users without admin rights listen there.
  $try.Prefixes.Add("http://localhost:$p/")
  try { $try.Start(); $listener = $try; $Poort = $p; break } catch { $try.Close() }
}
if (-not $listener) { Write-Host "Geen vrije poort gevonden; het handboek kan niet starten."; exit 1 }

$address = "http://localhost:$Poort/"
Write-Host "Het handboek staat klaar op $address"
Write-Host "Laat dit venster open zolang je het handboek gebruikt; sluit het om te stoppen."
Start-Process $address

$root = [System.IO.Path]::GetFullPath($site)
while ($listener.IsListening) {
  $context = $listener.GetContext()
  $response = $context.Response
  try {
    $path = [System.Uri]::UnescapeDataString($context.Request.Url.AbsolutePath)
    if ($path.EndsWith("/")) { $path += "index.html" }
    $file = [System.IO.Path]::GetFullPath((Join-Path $root $path.TrimStart("/")))
    if (-not $file.StartsWith($root) -or -not (Test-Path -LiteralPath $file -PathType Leaf)) {
      if (Test-Path -LiteralPath $file -PathType Container) {
        $response.Redirect($context.Request.Url.AbsolutePath + "/")
      } else { $response.StatusCode = 404 }
    } else {
      $type = $types[[System.IO.Path]::GetExtension($file).ToLower()]
      if ($type) { $response.ContentType = $type }
      $cache = "no-cache"
      if ($path.TrimStart("/") -match $immutable) { $cache = "public, max-age=31536000, immutable" }
      $response.Headers.Add("Cache-Control", $cache)
      $bytes = [System.IO.File]::ReadAllBytes($file)
      $response.ContentLength64 = $bytes.Length
      $response.OutputStream.Write($bytes, 0, $bytes.Length)
    }
  } catch { $response.StatusCode = 500 }
  finally { $response.Close() }
}
