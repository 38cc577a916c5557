// @ts-check
// Every Dutch text the runtime writes into the page, in one place, so wording
// can be reviewed (and translated) without reading code.

export const TEXT = {
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
  /** @param {string} reason */
  failed: (reason) =>
    `De rekenmodule kon niet starten (${reason}). Je kunt dit formulier wel invullen, ` +
    "bewaren en afdrukken.",
  /** @param {string} reason */
  scoringError: (reason) => `Het resultaat kon niet berekend worden: ${reason}`,
  checkAnswers: "Controleer deze antwoorden:",
  /** @param {number} answered @param {number} total */
  progress: (answered, total) =>
    total === 0
      ? "Dit formulier heeft geen vragen om te tellen."
      : `${answered} van ${total} ${total === 1 ? "vraag" : "vragen"} beantwoord.`,
  nothingYet: "Nog niets ingevuld.",
  /** @param {number} answered @param {number} total */
  summaryProgress: (answered, total) => `${answered} van ${total}`,
  summaryPending: "uitkomst: voorlopig",
  /** @param {string} label */
  summaryOutcome: (label) => `uitkomst: ${label}`,
  // The maximum next to a bar that has its own scale in a mixed chart.
  /** @param {string} max */
  chartOf: (max) => `(op ${max})`,
  /** @param {number} count */
  summaryFlags: (count) => (count === 1 ? "1 signaal" : `${count} signalen`),
  /** @param {number} count */
  summaryStale: (count) =>
    `${count === 1 ? "1 antwoord valt" : `${count} antwoorden vallen`} buiten het bereik: ` +
    "het resultaat telt het niet mee.",
  storageOff:
    "Je antwoorden worden in deze browser niet bewaard (opslag staat uit of is geblokkeerd). " +
    "Bewaar ze als bestand als je later verder wilt.",
  storageFull: "Je antwoorden konden niet bewaard worden: de opslag van deze browser is vol.",
  /** @param {string} key */
  damagedRecord: (key) =>
    "Bewaarde antwoorden van dit formulier waren beschadigd en konden niet geladen worden. " +
    `Ze zijn niet gewist maar apart gezet (sleutel '${key}'). Het formulier is leeg.`,
  /** @param {string} key @param {string[]} problems */
  unusableRecord: (key, problems) =>
    "Bewaarde antwoorden passen niet meer bij dit formulier en zijn niet geladen " +
    `(${problems.join("; ")}). Ze zijn apart gezet (sleutel '${key}').`,
  /** @param {string} version */
  olderVersion: (version) =>
    `Er zijn bewaarde antwoorden van een oudere versie (versie ${version}) van dit formulier. ` +
    "Sommige vragen kunnen intussen veranderd zijn.",
  loadOlder: "Oudere antwoorden laden",
  olderLoaded: "Antwoorden van de oudere versie geladen. Kijk ze even na.",
  /** @param {string[]} problems */
  notTakenOver: (problems) => `Niet overgenomen: ${problems.join("; ")}.`,
  /** @param {string} when */
  restored: (when) => `Je vorige antwoorden zijn teruggezet (bewaard ${when}).`,
  /** @param {string} name */
  importUnreadable: (name) =>
    `'${name}' kan niet gelezen worden: het is geen geldig antwoordbestand (geen JSON of beschadigd). ` +
    "Er is niets veranderd.",
  /** @param {string} name */
  importNotAnswers: (name) =>
    `'${name}' is geen antwoordbestand van het draaiboek. Er is niets veranderd.`,
  /** @param {string} name @param {string} other @param {string} title */
  importOtherInstrument: (name, other, title) =>
    `'${name}' bevat antwoorden voor een ander instrument ('${other}'), niet voor '${title}'. ` +
    "Er is niets veranderd.",
  /** @param {string} name @param {string} other @param {number} version */
  importOtherVersion: (name, other, version) =>
    `'${name}' is gemaakt met versie ${other} van dit formulier; dit is versie ${version}. ` +
    "Sommige vragen kunnen veranderd zijn.",
  /** @param {string} name */
  importProblems: (name) =>
    `'${name}' past niet bij dit formulier. Er is niets veranderd. Wat niet klopt:`,
  importConfirmVersion: "Toch laden?",
  importConfirmOverwrite:
    "Je huidige antwoorden in dit formulier worden vervangen door die uit het bestand. Doorgaan?",
  /** @param {string} name */
  imported: (name) => `Antwoorden geladen uit '${name}'.`,
  /** @param {string} name */
  tooLarge: (name) => `'${name}' is te groot voor een antwoordbestand. Er is niets veranderd.`,
  dialogCancel: "Annuleren",
  tagAll: "Alle",
  /** @param {number} count @param {string} tag */
  tagCount: (count, tag) => `${count === 1 ? "1 instrument" : `${count} instrumenten`} met trefwoord '${tag}'.`,
  werkmapLegend: "Welke instrumenten wil je leeg afdrukken?",
  werkmapPrint: "Aangeduide instrumenten leeg afdrukken",
  werkmapNothing: "Duid eerst minstens één instrument aan.",
  werkmapLoading: "De formulieren worden klaargezet…",
  werkmapFailed:
    "Niet alle formulieren konden geladen worden. Probeer opnieuw, of druk elk instrument " +
    "af met 'Leeg formulier afdrukken' op zijn eigen pagina.",
  werkmapUnavailable:
    "De werkmap werkt alleen als het handboek via een webserver geopend is. Druk elk " +
    "instrument af met 'Leeg formulier afdrukken' op zijn eigen pagina.",
  confirmClearButton: "Wissen",
  confirmClearAllButton: "Alles wissen",
  importConfirmButton: "Laden",
  confirmClear: "Alle antwoorden in dit formulier wissen? Dit kan je niet ongedaan maken.",
  cleared: "Je antwoorden in dit formulier zijn gewist.",
  confirmClearAll:
    "Alle bewaarde antwoorden van alle formulieren van dit handboek op dit toestel wissen? " +
    "Dit kan je niet ongedaan maken.",
  clearedAll: "Alle gegevens van dit handboek op dit toestel zijn gewist.",
  close: "Sluiten",
  /** @param {string} id */
  unknownItem: (id) => `onbekende vraag '${id}'`,
  /** @param {string} text @param {string} value */
  notOnScale: (text, value) => `${text}: '${value}' is geen mogelijk antwoord`,
  /** @param {string} text */
  notANumber: (text) => `${text}: geen getal`,
  /** @param {string} text @param {string} value */
  outOfRange: (text, value) => `${text}: ${value} valt buiten het toegelaten bereik`,
  /** @param {string} text */
  notText: (text) => `${text}: geen tekst`,
  /** @param {string} text */
  notAList: (text) => `${text}: verwacht een lijst`,
  /** @param {string} text @param {string} column */
  unknownColumn: (text, column) => `${text}: onbekende kolom '${column}'`,
  printTitle: "Ingevuld formulier",
  /** @param {string} date */
  printDate: (date) => `Ingevuld op ${date}`,
  printAnswers: "Antwoorden",
  printClient: "Cliënt (naam of code)",
  printAssessor: "Assessor",
  printObserved: "Datum van de observatie",
  printNotes: "Notities",
  /** @param {string} handbook @param {string} version */
  printInstrument: (handbook, version) => `${handbook} · versie ${version} van dit instrument`,
  printNotComputed:
    "Het resultaat kon hier niet berekend worden: de rekenmodule werkte niet op deze pagina " +
    "(bijvoorbeeld omdat het handboek als bestand geopend is). De antwoorden hierboven zijn wel volledig. " +
    "Open het handboek via een webserver om het resultaat te zien en af te drukken.",
  printStale:
    "Let op: niet elk antwoord kon meegeteld worden (een antwoord valt buiten het bereik). " +
    "Het resultaat hieronder hoort bij de laatste geldige antwoorden.",
  noAnswer: "—",
};
