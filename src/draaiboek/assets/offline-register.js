// Keeps the handbook available and answers safe; a classic script on every page.
//
// - Over http(s): registers the service worker (service-worker.js at the
//   site's root, written by the build) so the handbook works offline after one
//   visit, and shows a banner when a new version is ready. Reloading is safe:
//   forms save every answer as it is given, in storage this worker never touches.
// - At the first answer, asks the browser to keep this site's storage
//   (navigator.storage.persist): without it, browsers may clear saved answers
//   when space runs low. (Safari also clears a site's storage after seven days
//   without a visit; "Zelf hosten" says so.)
// - On file:// (a folder or USB stick): explains that answers saved here are
//   not the ones saved when the same copy is opened through its start script.
(function () {
  "use strict";

  const TEXT = {
    update: "Er is een nieuwe versie van het handboek — ",
    reload: "herladen",
    fileStorageTitle: "Je antwoorden horen bij dit adres",
    fileStorage:
      "Je opent het handboek als bestand (het adres begint met file://). Antwoorden die je zo " +
      "op dit toestel bewaart, zie je niet terug als je het handboek opent met het " +
      "startscript of via een webserver, en omgekeerd: de browser houdt ze apart per adres. " +
      "Wil je je antwoorden meenemen, kies dan 'Antwoorden bewaren als bestand' en laad dat " +
      "bestand opnieuw.",
  };

  const script = document.currentScript;
  // assets/draaiboek/offline-register.js -> the site's root.
  const root = script ? new URL("../../", script.src) : null;

  function banner(text, button) {
    const box = document.createElement("div");
    box.className = "draaiboek-banner";
    box.setAttribute("role", "status");
    // Styled here, not in draaiboek.css: this script is the banner's only owner.
    Object.assign(box.style, {
      position: "fixed",
      insetInline: "0",
      bottom: "0",
      zIndex: "1000",
      padding: "0.75rem 1rem",
      background: "var(--md-primary-fg-color, #4051b5)",
      color: "var(--md-primary-bg-color, #fff)",
      fontSize: "0.8rem",
      lineHeight: "1.4",
    });
    box.appendChild(document.createTextNode(text));
    if (button) box.appendChild(button);
    document.body.appendChild(box);
    return box;
  }

  function fileNotice() {
    const form = document.querySelector("form[data-instrument]");
    if (!form || document.querySelector("[data-file-storage-notice]")) return;
    const notice = document.createElement("div");
    notice.className = "admonition warning";
    notice.setAttribute("data-file-storage-notice", "");
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = TEXT.fileStorageTitle;
    const body = document.createElement("p");
    body.textContent = TEXT.fileStorage;
    notice.append(title, body);
    form.before(notice);
  }

  if (location.protocol === "file:") {
    // Instant navigation does not run on file://: every page loads anew.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fileNotice);
    } else {
      fileNotice();
    }
    return;
  }

  // Asked at the first answer kept on this device, not on arrival: the
  // question is about answers, and Firefox shows it to the user.
  if (navigator.storage && navigator.storage.persist) {
    const ask = (event) => {
      const form = event.target instanceof Element && event.target.closest("form[data-instrument]");
      if (!form || form.getAttribute("data-storage") !== "local") return;
      document.removeEventListener("change", ask, true);
      navigator.storage.persisted().then((kept) => kept || navigator.storage.persist(), () => {});
    };
    document.addEventListener("change", ask, true);
  }

  if (!root || !("serviceWorker" in navigator) || !window.isSecureContext) return;

  let announced = false;
  function announce(worker) {
    if (announced) return;
    announced = true;
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = TEXT.reload;
    button.setAttribute("data-action", "update-handbook");
    Object.assign(button.style, {
      font: "inherit",
      fontWeight: "bold",
      color: "inherit",
      background: "none",
      border: "0.1rem solid currentColor",
      borderRadius: "0.2rem",
      padding: "0.1rem 0.6rem",
      cursor: "pointer",
    });
    button.addEventListener("click", () => {
      button.disabled = true;
      // Leave any field being typed in, so its answer is saved first.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      worker.postMessage({ type: "draaiboek:activate" });
    });
    banner(TEXT.update, button).setAttribute("data-update", "");
  }

  function watch(registration) {
    // A version waiting from an earlier visit, or one being installed now.
    if (registration.waiting && navigator.serviceWorker.controller) {
      announce(registration.waiting);
    }
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
      });
    });
  }

  navigator.serviceWorker
    .register(new URL("service-worker.js", root).href, { scope: root.pathname })
    .then((registration) => {
      watch(registration);
      // Instant navigation never reloads the page, so also look for a new
      // version now and then while someone keeps the handbook open.
      setInterval(() => registration.update().catch(() => {}), 30 * 60 * 1000);
    })
    .catch(() => {
      // No offline copy (private window, storage blocked): the handbook works as before.
    });
})();
