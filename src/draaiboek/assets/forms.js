// draaiboek forms: live scoring, autosave, export, import, print, clear.
//
// A classic script on purpose (not a module): browsers refuse module scripts
// from file://, and a handbook opened from a USB stick must still let people
// fill in, save and print its forms. Results are written with textContent
// only; every text that can appear in a result is already in the page.
//
// Nothing typed here leaves the device: the only requests are for the site's
// own files (the worker, Pyodide, the instrument's JSON).

(() => {
  "use strict";

  const BASE = new URL(".", document.currentScript.src);
  const ANSWERS_FORMAT = "draaiboek-answers/1";
  const KEY_PREFIX = "draaiboek";

  const TEXT = {
    loading: "Rekenmodule wordt geladen… Je kunt al beginnen met invullen.",
    ready: "Het resultaat wordt op dit toestel berekend terwijl je invult.",
    fileProtocol:
      "Automatisch berekenen werkt niet als het handboek als bestand geopend is " +
      "(het adres begint met file://). Je kunt dit formulier wel invullen, bewaren en afdrukken. " +
      "Wil je het resultaat zien? Open het handboek via een webserver: typ in de map van het " +
      "handboek 'python -m http.server' (of 'draaiboek serve' in de projectmap) en surf naar " +
      "http://127.0.0.1:8000.",
    oldBrowser:
      "Deze browser kan de rekenmodule niet starten (WebAssembly of Web Workers ontbreken of " +
      "zijn geblokkeerd). Je kunt dit formulier wel invullen, bewaren en afdrukken.",
    failed: (reason) =>
      `De rekenmodule kon niet starten (${reason}). Je kunt dit formulier wel invullen, ` +
      "bewaren en afdrukken.",
    scoringError: (reason) => `Het resultaat kon niet berekend worden: ${reason}`,
    checkAnswers: "Controleer deze antwoorden:",
    progress: (answered, total) =>
      total === 0
        ? "Dit formulier heeft geen vragen om te tellen."
        : `${answered} van ${total} ${total === 1 ? "vraag" : "vragen"} beantwoord.`,
    nothingYet: "Nog niets ingevuld.",
    storageOff:
      "Je antwoorden worden in deze browser niet bewaard (opslag staat uit of is geblokkeerd). " +
      "Bewaar ze als bestand als je later verder wilt.",
    storageFull: "Je antwoorden konden niet bewaard worden: de opslag van deze browser is vol.",
    damagedRecord: (key) =>
      "Bewaarde antwoorden van dit formulier waren beschadigd en konden niet geladen worden. " +
      `Ze zijn niet gewist maar apart gezet (sleutel '${key}'). Het formulier is leeg.`,
    unusableRecord: (key, problems) =>
      "Bewaarde antwoorden passen niet meer bij dit formulier en zijn niet geladen " +
      `(${problems.join("; ")}). Ze zijn apart gezet (sleutel '${key}').`,
    olderVersion: (version) =>
      `Er zijn bewaarde antwoorden van een oudere versie (versie ${version}) van dit formulier. ` +
      "Sommige vragen kunnen intussen veranderd zijn.",
    loadOlder: "Oudere antwoorden laden",
    olderLoaded: "Antwoorden van de oudere versie geladen. Kijk ze even na.",
    notTakenOver: (problems) => `Niet overgenomen: ${problems.join("; ")}.`,
    restored: (when) => `Je vorige antwoorden zijn teruggezet (bewaard ${when}).`,
    importUnreadable: (name) =>
      `'${name}' kan niet gelezen worden: het is geen geldig antwoordbestand (geen JSON of beschadigd). ` +
      "Er is niets veranderd.",
    importNotAnswers: (name) =>
      `'${name}' is geen antwoordbestand van het draaiboek. Er is niets veranderd.`,
    importOtherInstrument: (name, other, title) =>
      `'${name}' bevat antwoorden voor een ander instrument ('${other}'), niet voor '${title}'. ` +
      "Er is niets veranderd.",
    importOtherVersion: (name, other, version) =>
      `'${name}' is gemaakt met versie ${other} van dit formulier; dit is versie ${version}. ` +
      "Sommige vragen kunnen veranderd zijn.",
    importProblems: (name) =>
      `'${name}' past niet bij dit formulier. Er is niets veranderd. Wat niet klopt:`,
    importConfirmVersion: "Toch laden?",
    importConfirmOverwrite:
      "Je huidige antwoorden in dit formulier worden vervangen door die uit het bestand. Doorgaan?",
    imported: (name) => `Antwoorden geladen uit '${name}'.`,
    tooLarge: (name) => `'${name}' is te groot voor een antwoordbestand. Er is niets veranderd.`,
    confirmClear: "Alle antwoorden in dit formulier wissen? Dit kan je niet ongedaan maken.",
    cleared: "Je antwoorden in dit formulier zijn gewist.",
    confirmClearAll:
      "Alle bewaarde antwoorden van alle formulieren van dit handboek op dit toestel wissen? " +
      "Dit kan je niet ongedaan maken.",
    clearedAll: "Alle gegevens van dit handboek op dit toestel zijn gewist.",
    close: "Sluiten",
    unknownItem: (id) => `onbekende vraag '${id}'`,
    notOnScale: (text, value) => `${text}: '${value}' is geen mogelijk antwoord`,
    notANumber: (text) => `${text}: geen getal`,
    outOfRange: (text, value) => `${text}: ${value} valt buiten het toegelaten bereik`,
    notText: (text) => `${text}: geen tekst`,
    notAList: (text) => `${text}: verwacht een lijst`,
    unknownColumn: (text, column) => `${text}: onbekende kolom '${column}'`,
    printTitle: "Ingevuld formulier",
    printDate: (date) => `Ingevuld op ${date}`,
    printAnswers: "Antwoorden",
    noAnswer: "—",
  };

  // ---------------------------------------------------------------------------
  // The scorer: one Web Worker with Pyodide for the whole tab.

  const scorer = {
    state: "idle", // idle | loading | ready | unavailable
    reason: "",
    worker: null,
    nextId: 1,
    waiting: new Map(),
    listeners: new Set(),

    unavailableReason() {
      if (location.protocol === "file:") return TEXT.fileProtocol;
      if (typeof Worker !== "function" || typeof WebAssembly !== "object") return TEXT.oldBrowser;
      return "";
    },

    // Start once, when the first form mounts: Pyodide loads and compiles in the
    // worker's own thread, in parallel with reading; the page's thread only
    // creates the worker.
    start() {
      if (this.state !== "idle") return;
      const reason = this.unavailableReason();
      if (reason) return this.become("unavailable", reason);
      this.become("loading");
      // Started from the page's <head> already (see the plugin); else start it now.
      const early = window.draaiboekWorker;
      delete window.draaiboekWorker;
      try {
        this.worker = early || new Worker(new URL("worker.mjs", BASE), { type: "module" });
      } catch (error) {
        return this.become("unavailable", TEXT.failed(String(error)));
      }
      this.worker.onmessage = ({ data }) => this.receive(data);
      for (const data of (early && early.missed) || []) this.receive(data);
      this.worker.onerror = (event) => {
        event.preventDefault();
        this.fail(event.message || "onbekende fout");
      };
    },

    // Fetch a form's definition in the worker while Pyodide is still loading.
    preload(definition) {
      if (this.worker) this.worker.postMessage({ preload: definition });
    },

    receive(data) {
      if (data.type === "ready") return this.become("ready");
      if (data.type === "failed") return this.fail(data.message);
      const pending = this.waiting.get(data.id);
      if (!pending) return;
      this.waiting.delete(data.id);
      if (data.error) pending.reject(new Error(data.error));
      else pending.resolve(data.reply);
    },

    fail(message) {
      this.become("unavailable", TEXT.failed(message));
      for (const pending of this.waiting.values()) pending.reject(new Error(message));
      this.waiting.clear();
    },

    become(state, reason = "") {
      this.state = state;
      this.reason = reason;
      for (const listener of this.listeners) listener(state, reason);
    },

    score(definition, answers) {
      if (this.state === "unavailable") return Promise.reject(new Error(this.reason));
      return new Promise((resolve, reject) => {
        const id = this.nextId++;
        this.waiting.set(id, { resolve, reject });
        this.worker.postMessage({ id, definition, answers });
      });
    },

    whenReady() {
      return new Promise((resolve) => {
        if (this.state === "ready" || this.state === "unavailable") return resolve(this.state);
        const listener = (state) => {
          if (state === "ready" || state === "unavailable") {
            this.listeners.delete(listener);
            resolve(state);
          }
        };
        this.listeners.add(listener);
      });
    },
  };

  // ---------------------------------------------------------------------------
  // Storage on this device.

  function storageArea(kind) {
    try {
      const area = kind === "local" ? localStorage : kind === "session" ? sessionStorage : null;
      if (area) {
        const probe = `${KEY_PREFIX}:probe`;
        area.setItem(probe, "1");
        area.removeItem(probe);
      }
      return area;
    } catch {
      return null;
    }
  }

  function keysOf(area) {
    const keys = [];
    for (let i = 0; i < area.length; i++) keys.push(area.key(i));
    return keys;
  }

  function timestamp() {
    return new Date().toISOString().replace(/\.\d+Z$/, "Z");
  }

  // ---------------------------------------------------------------------------
  // Numbers and dates the way Flemish readers write them.

  function formatNumber(value, decimals) {
    const fixed = Number.isInteger(decimals);
    return new Intl.NumberFormat("nl-BE", {
      minimumFractionDigits: fixed ? decimals : 0,
      maximumFractionDigits: fixed ? decimals : 2,
    }).format(value);
  }

  function formatDate(date) {
    return new Intl.DateTimeFormat("nl-BE", { dateStyle: "long", timeStyle: "short" }).format(date);
  }

  // The radio, check box or <option> whose data-json is this answer value.
  function withValue(nodes, value) {
    const wanted = JSON.stringify(value);
    return [...nodes].find((node) => JSON.stringify(JSON.parse(node.dataset.json)) === wanted);
  }

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  }

  // ---------------------------------------------------------------------------
  // One instrument form.

  class InstrumentForm {
    constructor(form) {
      this.form = form;
      this.id = form.dataset.instrument;
      this.version = Number(form.dataset.version);
      this.title = form.dataset.title || this.id;
      this.definition = new URL(`instruments/${form.dataset.definition}`, BASE).href;
      this.prefix = `${KEY_PREFIX}:${form.dataset.site}:`;
      this.key = `${this.prefix}${this.id}:v${this.version}`;
      this.wantsStorage = form.dataset.storage !== "none";
      this.store = storageArea(form.dataset.storage);
      this.sequence = 0;
      this.lastSnapshot = null;
      form.dataset.mounted = "";

      form.addEventListener("submit", (event) => event.preventDefault());
      form.addEventListener("input", () => this.changed());
      form.addEventListener("change", (event) => {
        if (event.target.matches('input[type="file"][data-action="import"]')) {
          this.importFile(event.target);
        } else {
          this.changed();
        }
      });
      form.addEventListener("click", (event) => {
        const button = event.target.closest("button[data-action]");
        if (button && form.contains(button)) this.act(button.dataset.action, button);
      });

      this.onScorer = (state, reason) => this.showScorer(state, reason);
      scorer.listeners.add(this.onScorer);
      this.showScorer(scorer.state, scorer.reason);
      if (this.wantsStorage && !this.store) this.notice("warning", TEXT.storageOff);
      this.restore();
      scorer.start();
      scorer.preload(this.definition);
      this.rescore();
    }

    get connected() {
      return this.form.isConnected;
    }

    detach() {
      scorer.listeners.delete(this.onScorer);
    }

    // -- scorer state --------------------------------------------------------

    showScorer(state, reason) {
      const status = this.form.querySelector("[data-status-text]");
      if (state === "unavailable") {
        this.form.dataset.scorer = "unavailable";
        status.textContent = reason;
        // Nothing can evaluate show_if now: show every question and section.
        for (const node of this.form.querySelectorAll("[data-item][hidden], [data-section][hidden]")) {
          node.hidden = false;
        }
      } else if (state === "ready") {
        this.form.dataset.scorer = "ready";
        status.textContent = TEXT.ready;
        this.rescore();
      } else {
        this.form.dataset.scorer = "loading";
        status.textContent = TEXT.loading;
      }
    }

    // -- reading and writing answers -----------------------------------------

    items() {
      return [...this.form.querySelectorAll("[data-item]")];
    }

    item(id) {
      return this.items().find((node) => node.dataset.item === id) || null;
    }

    itemText(node) {
      const text = node.querySelector("[data-item-text]");
      return (text ? text.textContent : node.dataset.item).trim();
    }

    choices(node) {
      return [...node.querySelectorAll(`input[name="${CSS.escape(node.dataset.item)}"]`)];
    }

    collect() {
      const answers = {};
      for (const node of this.items()) {
        const value = this.read(node);
        if (value !== undefined) answers[node.dataset.item] = value;
      }
      return answers;
    }

    read(node) {
      switch (node.dataset.type) {
        case "choice": {
          const checked = this.choices(node).find((input) => input.checked);
          return checked ? JSON.parse(checked.dataset.json) : undefined;
        }
        case "multi": {
          const values = this.choices(node)
            .filter((input) => input.checked)
            .map((input) => JSON.parse(input.dataset.json));
          return values.length ? values : undefined;
        }
        case "number": {
          const input = node.querySelector("input");
          return input.value === "" ? undefined : Number(input.value);
        }
        case "text": {
          const text = node.querySelector("textarea").value;
          return text.trim() ? text : undefined;
        }
        case "table": {
          const rows = [];
          for (const row of node.querySelectorAll("[data-row-list] > [data-row]")) {
            const cells = {};
            for (const control of row.querySelectorAll("[data-column]")) {
              const value = this.readCell(control);
              if (value !== undefined) cells[control.dataset.column] = value;
            }
            if (Object.keys(cells).length) rows.push(cells);
          }
          return rows.length ? rows : undefined;
        }
        default:
          return undefined;
      }
    }

    readCell(control) {
      if (control.tagName === "SELECT") {
        const value = JSON.parse(control.selectedOptions[0]?.dataset.json ?? "null");
        return value === null ? undefined : value;
      }
      if (control.type === "number") return control.value === "" ? undefined : Number(control.value);
      return control.value.trim() ? control.value : undefined;
    }

    // Put answers into the form. With check=true nothing changes: the returned
    // list says what would not fit. Used for stored records and imports.
    apply(answers, { check = false } = {}) {
      const problems = [];
      for (const [id, value] of Object.entries(answers)) {
        const node = this.item(id);
        if (!node) {
          problems.push(TEXT.unknownItem(id));
          continue;
        }
        const text = this.itemText(node);
        const problem = this.applyItem(node, text, value, check);
        if (problem) problems.push(problem);
      }
      return problems;
    }

    applyItem(node, text, value, check) {
      switch (node.dataset.type) {
        case "choice": {
          const input = withValue(this.choices(node), value);
          if (!input) return TEXT.notOnScale(text, JSON.stringify(value));
          if (!check) input.checked = true;
          return null;
        }
        case "multi": {
          if (!Array.isArray(value)) return TEXT.notAList(text);
          const inputs = value.map((one) => withValue(this.choices(node), one));
          const missing = value.filter((_, index) => !inputs[index]);
          if (missing.length) return TEXT.notOnScale(text, missing.map(String).join(", "));
          if (!check) for (const input of inputs) input.checked = true;
          return null;
        }
        case "number": {
          const input = node.querySelector("input");
          const problem = numberProblem(input, text, value);
          if (problem) return problem;
          if (!check) input.value = String(value);
          return null;
        }
        case "text": {
          if (typeof value !== "string") return TEXT.notText(text);
          if (!check) node.querySelector("textarea").value = value;
          return null;
        }
        case "table":
          return this.applyTable(node, text, value, check);
        default:
          return TEXT.unknownItem(node.dataset.item);
      }
    }

    applyTable(node, text, rows, check) {
      if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== "object" || Array.isArray(row))) {
        return TEXT.notAList(text);
      }
      const template = node.querySelector("[data-row-template]").content;
      const columns = new Map(
        [...template.querySelectorAll("[data-column]")].map((control) => [control.dataset.column, control]),
      );
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          const control = columns.get(column);
          if (!control) return TEXT.unknownColumn(text, column);
          const label = `${text}, ${column}`;
          if (control.tagName === "SELECT") {
            if (!withValue(control.options, value) || value === null) return TEXT.notOnScale(label, JSON.stringify(value));
          } else if (control.type === "number") {
            const problem = numberProblem(control, label, value);
            if (problem) return problem;
          } else if (typeof value !== "string") {
            return TEXT.notText(label);
          }
        }
      }
      if (check) return null;
      this.setRowCount(node, Math.max(rows.length, 1));
      const rowNodes = node.querySelectorAll("[data-row-list] > [data-row]");
      rows.forEach((row, index) => {
        for (const control of rowNodes[index].querySelectorAll("[data-column]")) {
          const value = row[control.dataset.column];
          if (value === undefined) continue;
          if (control.tagName === "SELECT") {
            withValue(control.options, value).selected = true;
          } else {
            control.value = String(value);
          }
        }
      });
      return null;
    }

    reset() {
      this.lastSnapshot = null;
      for (const input of this.form.querySelectorAll("input[type=radio], input[type=checkbox]")) {
        input.checked = false;
      }
      for (const input of this.form.querySelectorAll("input[type=number], input[type=text], textarea")) {
        input.value = "";
      }
      for (const select of this.form.querySelectorAll("select")) select.selectedIndex = 0;
      for (const table of this.form.querySelectorAll('[data-type="table"]')) this.setRowCount(table, 1);
      this.form.querySelector('input[type="file"][data-action="import"]').value = "";
    }

    // -- table rows ------------------------------------------------------------

    setRowCount(node, count) {
      const list = node.querySelector("[data-row-list]");
      while (list.children.length > count) list.lastElementChild.remove();
      while (list.children.length < count) this.addRow(node, { focus: false });
      for (const control of list.querySelectorAll("[data-column]")) {
        if (control.tagName === "SELECT") control.selectedIndex = 0;
        else control.value = "";
      }
    }

    addRow(node, { focus = true } = {}) {
      const list = node.querySelector("[data-row-list]");
      const template = node.querySelector("[data-row-template]").innerHTML;
      const index = list.children.length;
      // The template is our own build output; only the row placeholders change.
      list.insertAdjacentHTML(
        "beforeend",
        template.replaceAll("__ROW__", String(index)).replaceAll("__NUMBER__", String(index + 1)),
      );
      if (focus) list.lastElementChild.querySelector("[data-column]").focus();
    }

    removeRow(node, row) {
      const list = node.querySelector("[data-row-list]");
      const position = [...list.children].indexOf(row);
      if (list.children.length === 1) {
        for (const control of row.querySelectorAll("[data-column]")) {
          if (control.tagName === "SELECT") control.selectedIndex = 0;
          else control.value = "";
        }
      } else {
        row.remove();
      }
      this.renumberRows(node);
      const rows = list.children;
      const next = rows[Math.min(position, rows.length - 1)];
      next.querySelector("[data-column]").focus();
    }

    renumberRows(node) {
      const id = node.dataset.item;
      [...node.querySelectorAll("[data-row-list] > [data-row]")].forEach((row, index) => {
        for (const control of row.querySelectorAll("[data-column]")) {
          const column = control.dataset.column;
          const domId = `${node.id}-${index}-${column}`;
          const label = row.querySelector(`label[for="${CSS.escape(control.id)}"]`);
          control.name = `${id}.${index}.${column}`;
          control.id = domId;
          if (label) label.htmlFor = domId;
        }
        for (const number of row.querySelectorAll("[data-row-number]")) {
          number.textContent = String(index + 1);
        }
      });
    }

    // -- changes, saving, scoring ----------------------------------------------

    changed() {
      // A radio fires both input and change: the second finds nothing new to do.
      const answers = this.collect();
      const snapshot = JSON.stringify(answers);
      if (snapshot === this.lastSnapshot) return;
      this.lastSnapshot = snapshot;
      this.save(answers);
      this.rescore(answers);
    }

    envelope(answers = this.collect()) {
      return {
        format: ANSWERS_FORMAT,
        instrument: this.id,
        version: this.version,
        answers,
        meta: { saved_at: timestamp() },
      };
    }

    save(answers = this.collect()) {
      if (!this.store) return;
      try {
        if (Object.keys(answers).length) {
          this.store.setItem(this.key, JSON.stringify(this.envelope(answers)));
        } else {
          this.store.removeItem(this.key);
        }
      } catch {
        this.notice("error", TEXT.storageFull);
      }
    }

    rescore(answers = this.collect()) {
      if (scorer.state !== "ready") return;
      const sequence = ++this.sequence;
      scorer.score(this.definition, answers).then(
        (reply) => {
          if (sequence === this.sequence) this.showReply(reply);
        },
        (error) => {
          if (sequence === this.sequence) this.showError(String(error.message || error));
        },
      );
    }

    showReply(reply) {
      this.markInvalid([]);
      if (reply.ok) {
        this.form.dataset.scorer = "ready";
        this.form.querySelector("[data-status-text]").textContent = TEXT.ready;
        this.showResult(reply.result);
      } else if (reply.kind === "answers") {
        this.markInvalid(reply.problems);
      } else {
        this.showError(reply.problems.map((problem) => problem.message).join("; "));
      }
    }

    showError(message) {
      this.form.dataset.scorer = "error";
      this.form.querySelector("[data-status-text]").textContent = TEXT.scoringError(message);
    }

    markInvalid(problems) {
      for (const node of this.form.querySelectorAll("[data-item][aria-invalid]")) {
        node.removeAttribute("aria-invalid");
      }
      const status = this.form.querySelector("[data-status]");
      status.querySelector("[data-problems]")?.remove();
      if (!problems.length) return;
      const box = element("div", { "data-problems": "", role: "alert", class: "db-problems" });
      box.append(element("p", {}, TEXT.checkAnswers));
      const list = element("ul");
      for (const problem of problems) {
        const node = problem.item ? this.item(problem.item) : null;
        if (node) node.setAttribute("aria-invalid", "true");
        const prefix = node ? `${this.itemText(node)}: ` : "";
        list.append(element("li", {}, prefix + problem.message));
      }
      box.append(list);
      status.append(box);
    }

    // -- the result --------------------------------------------------------------

    showResult(result) {
      const hidden = new Set(result.hidden);
      const hiddenSections = new Set(result.hidden_sections || []);
      for (const node of this.items()) node.hidden = hidden.has(node.dataset.item);
      for (const node of this.form.querySelectorAll("[data-section]")) {
        node.hidden = hiddenSections.has(node.dataset.section);
      }
      const region = this.form.querySelector("[data-result]");
      region.querySelector("[data-progress]").textContent =
        result.answered === 0 ? TEXT.nothingYet : TEXT.progress(result.answered, result.total);

      for (const output of region.querySelectorAll("[data-score]")) {
        const id = output.dataset.score;
        const score = result.scores[id] || { value: null };
        const decimals = output.dataset.decimals === undefined ? null : Number(output.dataset.decimals);
        const empty = score.value === null || score.value === undefined;
        output.dataset.value = empty ? "" : JSON.stringify(score.value);
        output.textContent = empty ? "–" : formatNumber(score.value, decimals);
        const band = region.querySelector(`[data-band-for="${CSS.escape(id)}"]`);
        band.textContent = score.band_label ? score.band_label : "";
        if (score.band) band.dataset.band = score.band;
        else delete band.dataset.band;
        for (const advice of region.querySelectorAll(`[data-advice-for="${CSS.escape(id)}"]`)) {
          advice.hidden = advice.dataset.band !== score.band;
        }
      }
      const outcome = result.outcome ? result.outcome.id : null;
      for (const node of region.querySelectorAll("[data-outcome]")) {
        node.hidden = node.dataset.outcome !== outcome;
      }
      const raised = new Set(result.flags.map((flag) => flag.id));
      for (const node of region.querySelectorAll("[data-flag]")) {
        node.hidden = !raised.has(node.dataset.flag);
      }
      this.fillList(region.querySelector("[data-strengths]"), result.highlights?.strengths);
      this.fillList(region.querySelector("[data-work-points]"), result.highlights?.work_points);
      this.fillList(region.querySelector("[data-missing]"), result.missing_required);
      for (const figure of region.querySelectorAll("[data-chart]")) drawChart(figure, result);
      // For profiling and `make bench` (a PerformanceObserver sees every one);
      // only the latest stays in the buffer.
      performance.clearMarks("draaiboek:result");
      performance.mark("draaiboek:result", { detail: { instrument: this.id } });
    }

    fillList(box, ids) {
      if (!box) return;
      const list = box.querySelector("[data-list]");
      list.replaceChildren(
        ...(ids || []).map((id) => {
          const node = this.item(id);
          return element("li", {}, node ? this.itemText(node) : id);
        }),
      );
      box.hidden = !(ids && ids.length);
    }

    // -- restoring -----------------------------------------------------------------

    restore() {
      if (!this.store) return;
      const raw = this.store.getItem(this.key);
      if (raw === null) return this.offerOlderVersions();
      let record = null;
      try {
        record = JSON.parse(raw);
      } catch {
        record = null;
      }
      const valid =
        record &&
        typeof record === "object" &&
        record.instrument === this.id &&
        record.version === this.version &&
        record.answers &&
        typeof record.answers === "object" &&
        !Array.isArray(record.answers);
      if (!valid) {
        const aside = this.keepAside(raw, "beschadigd");
        return this.notice("error", TEXT.damagedRecord(aside));
      }
      const problems = this.apply(record.answers, { check: true });
      if (problems.length) {
        const aside = this.keepAside(raw, "past-niet");
        return this.notice("error", TEXT.unusableRecord(aside, problems));
      }
      this.apply(record.answers);
      const saved = Date.parse(record.meta?.saved_at);
      if (!Number.isNaN(saved)) this.notice("info", TEXT.restored(formatDate(new Date(saved))));
    }

    keepAside(raw, why) {
      const aside = `${this.key}:${why}:${timestamp()}`;
      try {
        this.store.setItem(aside, raw);
        this.store.removeItem(this.key);
      } catch {
        // Storage full: leave the record where it is rather than lose it.
        return this.key;
      }
      return aside;
    }

    offerOlderVersions() {
      const pattern = new RegExp(`^${escapeRegExp(this.prefix + this.id)}:v(\\d+)$`);
      const older = keysOf(this.store)
        .map((key) => [key, pattern.exec(key)])
        .filter(([, match]) => match && Number(match[1]) < this.version)
        .sort((a, b) => Number(b[1][1]) - Number(a[1][1]));
      if (!older.length) return;
      const [key, match] = older[0];
      this.notice("info", TEXT.olderVersion(match[1]), [
        {
          label: TEXT.loadOlder,
          run: () => {
            let answers = {};
            try {
              answers = JSON.parse(this.store.getItem(key)).answers || {};
            } catch {
              return this.notice("error", TEXT.damagedRecord(key));
            }
            const problems = [];
            for (const [id, value] of Object.entries(answers)) {
              const problem = this.apply({ [id]: value }, { check: true })[0];
              if (problem) problems.push(problem);
              else this.apply({ [id]: value });
            }
            // The old record stays where it is: nothing is lost.
            this.notice(
              problems.length ? "warning" : "info",
              TEXT.olderLoaded + (problems.length ? ` ${TEXT.notTakenOver(problems)}` : ""),
            );
            this.changed();
          },
        },
      ]);
    }

    // -- actions ---------------------------------------------------------------

    act(action, button) {
      const table = button.closest('[data-type="table"]');
      switch (action) {
        case "add-row":
          this.addRow(table);
          return this.changed();
        case "remove-row":
          this.removeRow(table, button.closest("[data-row]"));
          return this.changed();
        case "export":
          return this.exportFile();
        case "print":
          return printSheet(this.filledSheet(), "filled");
        case "print-blank":
          return printSheet(this.blankSheet(), "blank");
        case "clear":
          if (!confirm(TEXT.confirmClear)) return;
          this.reset();
          this.store?.removeItem(this.key);
          this.notice("info", TEXT.cleared);
          return this.changed();
        case "clear-all":
          if (!confirm(TEXT.confirmClearAll)) return;
          clearAll(this.prefix);
          return this.notice("info", TEXT.clearedAll);
        default:
          return undefined;
      }
    }

    exportFile() {
      const json = JSON.stringify(this.envelope(), null, 2);
      const link = element("a", {
        href: URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" })),
        download: `${this.id}-${timestamp().slice(0, 10)}.json`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }

    async importFile(input) {
      const file = input.files[0];
      input.value = "";
      if (!file) return;
      const name = file.name;
      if (file.size > 5_000_000) return this.notice("error", TEXT.tooLarge(name));
      let data;
      try {
        data = JSON.parse(await file.text());
      } catch {
        return this.notice("error", TEXT.importUnreadable(name));
      }
      if (!data || typeof data !== "object" || Array.isArray(data)) {
        return this.notice("error", TEXT.importNotAnswers(name));
      }
      // The envelope of FORMAT.md, or (like the scorer) a bare answers mapping.
      const isEnvelope = "format" in data || "answers" in data || "instrument" in data;
      if (isEnvelope) {
        if (
          data.format !== ANSWERS_FORMAT ||
          !data.answers ||
          typeof data.answers !== "object" ||
          Array.isArray(data.answers)
        ) {
          return this.notice("error", TEXT.importNotAnswers(name));
        }
        if (data.instrument !== this.id) {
          return this.notice("error", TEXT.importOtherInstrument(name, String(data.instrument), this.title));
        }
      }
      const answers = isEnvelope ? data.answers : data;
      const problems = this.apply(answers, { check: true });
      if (problems.length) return this.notice("error", TEXT.importProblems(name), [], problems);
      if (isEnvelope && data.version !== this.version) {
        const question = TEXT.importOtherVersion(name, String(data.version), this.version);
        if (!confirm(`${question} ${TEXT.importConfirmVersion}`)) return this.notice("warning", question);
      }
      if (Object.keys(this.collect()).length && !confirm(TEXT.importConfirmOverwrite)) return;
      this.reset();
      this.apply(answers);
      this.notice("info", TEXT.imported(name));
      this.changed();
    }

    // -- notices -----------------------------------------------------------------

    notice(kind, message, actions = [], details = []) {
      const area = this.form.querySelector("[data-notices]");
      const box = element("div", {
        class: `db-notice db-notice-${kind}`,
        "data-notice": kind,
        role: kind === "error" ? "alert" : "status",
      });
      box.append(element("p", {}, message));
      if (details.length) {
        const list = element("ul");
        for (const detail of details) list.append(element("li", {}, detail));
        box.append(list);
      }
      const buttons = element("div", { class: "db-notice-actions" });
      for (const action of actions) {
        const button = element("button", { type: "button", class: "md-button" }, action.label);
        button.addEventListener("click", () => {
          box.remove();
          action.run();
        });
        buttons.append(button);
      }
      const close = element("button", { type: "button", class: "md-button", "data-close": "" }, TEXT.close);
      close.addEventListener("click", () => box.remove());
      buttons.append(close);
      box.append(buttons);
      area.append(box);
      return box;
    }

    // -- printing ------------------------------------------------------------------

    blankSheet() {
      const clone = this.form.cloneNode(true);
      clone.classList.remove("db-instrument");
      for (const node of clone.querySelectorAll("[data-result], .db-actions, .db-status, [data-notices], .db-privacy")) {
        node.remove();
      }
      for (const node of clone.querySelectorAll("[hidden]")) node.hidden = false;
      for (const node of clone.querySelectorAll("input[type=radio], input[type=checkbox]")) {
        node.checked = false;
        node.removeAttribute("checked");
      }
      for (const node of clone.querySelectorAll("input, textarea")) node.value = "";
      for (const node of clone.querySelectorAll("details")) node.open = false;
      for (const list of clone.querySelectorAll("[data-row-list]")) {
        // Room to write on paper.
        const template = list.parentElement.parentElement.querySelector("[data-row-template]");
        list.replaceChildren();
        for (let i = 0; i < 5; i++) list.insertAdjacentHTML("beforeend", template.innerHTML);
      }
      for (const node of clone.querySelectorAll("button, template")) node.remove();
      const sheet = element("div", { class: "db-print-blank" });
      sheet.append(element("h1", {}, this.title), clone);
      return sheet;
    }

    filledSheet() {
      const sheet = element("div", { class: "db-print-filled" });
      sheet.append(
        element("h1", {}, this.title),
        element("p", { class: "db-print-date" }, TEXT.printDate(formatDate(new Date()))),
        element("h2", {}, TEXT.printAnswers),
      );
      for (const section of this.form.querySelectorAll("[data-section]")) {
        if (section.hidden) continue;
        const legend = section.querySelector(":scope > legend");
        if (legend) sheet.append(element("h3", {}, legend.textContent.trim()));
        const list = element("dl", { class: "db-print-answers" });
        for (const node of section.querySelectorAll("[data-item]")) {
          if (node.hidden) continue;
          list.append(element("dt", {}, this.itemText(node)));
          const answer = element("dd");
          this.describeAnswer(node, answer);
          list.append(answer);
        }
        sheet.append(list);
      }
      const result = this.form.querySelector("[data-result]").cloneNode(true);
      result.removeAttribute("aria-live");
      for (const node of result.querySelectorAll("[hidden]")) node.remove();
      for (const node of result.querySelectorAll("[id]")) node.removeAttribute("id");
      result.removeAttribute("aria-labelledby");
      sheet.append(result);
      return sheet;
    }

    describeAnswer(node, target) {
      const labelOf = (input) => input.dataset.label || input.value;
      switch (node.dataset.type) {
        case "choice":
        case "multi": {
          const chosen = this.choices(node).filter((input) => input.checked).map(labelOf);
          target.textContent = chosen.length ? chosen.join(", ") : TEXT.noAnswer;
          return;
        }
        case "number": {
          const input = node.querySelector("input");
          const unit = node.querySelector(".db-unit")?.textContent || "";
          target.textContent = input.value === "" ? TEXT.noAnswer : `${formatNumber(Number(input.value), null)} ${unit}`.trim();
          return;
        }
        case "text":
          target.textContent = node.querySelector("textarea").value.trim() || TEXT.noAnswer;
          return;
        case "table": {
          const rows = this.read(node) || [];
          if (!rows.length) {
            target.textContent = TEXT.noAnswer;
            return;
          }
          const table = element("table");
          const head = element("tr");
          for (const th of node.querySelectorAll("thead th")) head.append(element("th", {}, th.textContent.trim()));
          head.lastElementChild.remove();
          table.append(head);
          for (const row of node.querySelectorAll("[data-row-list] > [data-row]")) {
            const cells = [...row.querySelectorAll("[data-column]")];
            if (cells.every((control) => this.readCell(control) === undefined)) continue;
            const tr = element("tr");
            for (const control of cells) {
              const text =
                control.tagName === "SELECT"
                  ? control.selectedIndex > 0 ? control.selectedOptions[0].textContent : ""
                  : control.value;
              tr.append(element("td", {}, text));
            }
            table.append(tr);
          }
          target.append(table);
          return;
        }
        default:
          target.textContent = TEXT.noAnswer;
      }
    }
  }

  function numberProblem(input, text, value) {
    if (typeof value !== "number" || !Number.isFinite(value)) return TEXT.notANumber(text);
    const min = input.getAttribute("min");
    const max = input.getAttribute("max");
    if ((min !== null && value < Number(min)) || (max !== null && value > Number(max))) {
      return TEXT.outOfRange(text, formatNumber(value, null));
    }
    return null;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // ---------------------------------------------------------------------------
  // Printing: a sheet of its own, shown only by the print stylesheet.

  function printSheet(content, mode) {
    document.getElementById("db-print-sheet")?.remove();
    const sheet = element("div", { id: "db-print-sheet", "data-print-mode": mode });
    sheet.append(content);
    document.body.append(sheet);
    document.documentElement.dataset.dbPrint = mode;
    window.print();
  }

  addEventListener("afterprint", () => {
    document.getElementById("db-print-sheet")?.remove();
    delete document.documentElement.dataset.dbPrint;
  });

  // ---------------------------------------------------------------------------
  // Everything of this handbook on this device.

  function clearAll(prefix) {
    for (const area of [storageArea("local"), storageArea("session")]) {
      if (!area) continue;
      for (const key of keysOf(area)) if (key.startsWith(prefix)) area.removeItem(key);
    }
    for (const mounted of forms) {
      if (!mounted.connected || mounted.prefix !== prefix) continue;
      mounted.reset();
      mounted.rescore();
    }
  }

  // ---------------------------------------------------------------------------
  // A simple profile chart: one bar per score, values written next to the bars.

  // The chart's <svg> is in the page already (the HTML parser gives it the SVG
  // namespace); new shapes take their namespace from it.
  function svg(chart, tag, attributes, text = "") {
    const node = document.createElementNS(chart.namespaceURI, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text) node.textContent = text;
    return node;
  }

  function drawChart(figure, result) {
    const region = figure.closest("[data-result]");
    const ids = figure.dataset.chartScores.split(" ");
    const rowHeight = 34;
    const labelWidth = 220;
    const barWidth = 300;
    const chart = figure.querySelector("svg");
    chart.setAttribute("viewBox", `0 0 ${labelWidth + barWidth + 90} ${ids.length * rowHeight + 8}`);
    const title = svg(chart, "title", {}, figure.querySelector("figcaption").textContent);
    const rows = ids.map((id, index) => {
      const block = region.querySelector(`[data-score-block="${CSS.escape(id)}"]`);
      const label = block.querySelector(".db-score-label").textContent.replace(/:$/, "");
      const output = block.querySelector("[data-score]");
      const value = result.scores[id]?.value;
      const min = Number(output.dataset.min ?? 0);
      const max = Number(output.dataset.max ?? NaN);
      const y = index * rowHeight + 4;
      const group = svg(chart, "g", { class: "db-chart-row" });
      group.append(svg(chart, "text", { x: 0, y: y + 20, class: "db-chart-label" }, label));
      group.append(svg(chart, "rect", { x: labelWidth, y: y + 4, width: barWidth, height: 22, class: "db-chart-track" }));
      if (typeof value === "number" && Number.isFinite(max) && max > min) {
        const share = Math.min(1, Math.max(0, (value - min) / (max - min)));
        group.append(
          svg(chart, "rect", { x: labelWidth, y: y + 4, width: share * barWidth, height: 22, class: "db-chart-bar" }),
        );
      }
      group.append(
        svg(
          chart,
          "text",
          { x: labelWidth + barWidth + 8, y: y + 20, class: "db-chart-value" },
          output.textContent,
        ),
      );
      return group;
    });
    chart.replaceChildren(title, ...rows);
  }

  // ---------------------------------------------------------------------------
  // Mounting: on every page, also after mkdocs-material's instant navigation.

  const forms = new Set();

  function mountAll() {
    for (const mounted of [...forms]) {
      if (!mounted.connected) {
        mounted.detach();
        forms.delete(mounted);
      }
    }
    for (const form of document.querySelectorAll("form.db-instrument:not([data-mounted])")) {
      forms.add(new InstrumentForm(form));
    }
  }

  // Both: document$ announces pages that instant navigation swaps in, but it
  // does not fire on file://. Mounting twice is harmless (data-mounted).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  } else {
    mountAll();
  }
})();
