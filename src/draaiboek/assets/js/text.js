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
  /** The reason when the runtime's files could not be fetched (plugin.RUNTIME_UNREACHABLE says the same). */
  runtimeUnreachable: "de nodige bestanden konden niet geladen worden",
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
  /** @param {number} answered @param {number} total */
  provisional: (answered, total) =>
    `Voorlopig: ${answered} van ${total} ${total === 1 ? "vraag" : "vragen"} beantwoord.`,
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
  storageFull:
    "De opslag van deze browser is vol: wat je nu wijzigt, wordt niet bewaard. Bewaar je antwoorden " +
    "als bestand, of maak ruimte door oude metingen te verwijderen (pagina 'Op dit toestel').",
  storageFullReadOnly:
    "De opslag van deze browser is vol. Je bewaarde antwoorden worden getoond, maar wijzigingen " +
    "kunnen niet bewaard worden tot er ruimte is. Bewaar ze als bestand als je verder wilt werken.",
  /** @param {string} key */
  notSetAside: (key) =>
    "Bewaarde antwoorden van dit formulier zijn beschadigd. Ze konden niet apart gezet worden " +
    `omdat de opslag vol is, en blijven dus staan onder sleutel '${key}': dit formulier schrijft ` +
    "er nooit overheen. Maak ruimte (pagina 'Op dit toestel') en laad de pagina opnieuw.",
  staleResult:
    "Geen resultaat: de huidige antwoorden kunnen niet berekend worden (zie hierboven wat je moet " +
    "nakijken). Een vorig resultaat wordt niet meer getoond.",
  /** @param {number} rows */
  rowLimit: (rows) => `Een tabel kan hoogstens ${rows} rijen hebben.`,
  /** @param {string} text @param {number} limit */
  textTooLong: (text, limit) => `${text}: de tekst is te lang (hoogstens ${limit} tekens)`,
  /** @param {string} text @param {number} limit */
  tooManyRows: (text, limit) => `${text}: te veel rijen (hoogstens ${limit})`,
  unnamedRecord: "Zonder label",
  compareNoRecords: "Er zijn geen metingen van dit instrument op dit toestel. Laad bestanden om te vergelijken.",
  comparePick: "Kies minstens twee metingen.",
  /** @param {number} count */
  compared: (count) => `${count} metingen vergeleken.`,
  compareScore: "Score",
  compareChange: "Verandering (eerste → laatste)",
  compareScores: "Scores naast elkaar",
  compareAgreement: "Overeenstemming",
  compareAll: "alle vragen",
  /** @param {number} count */
  compareDiffer: (count) => (count === 1 ? "1 vraag met een ander antwoord" : `${count} vragen met een ander antwoord`),
  /**
   * @param {string} where
   * @param {{n_items: number, exact: number | null, within_one: number | null, kappa: number | null}} figures
   */
  agreementLine: (where, figures) => {
    if (!figures.n_items) return `${where}: geen vragen die in elke meting met een score beantwoord zijn.`;
    const same = Math.round((figures.exact || 0) * figures.n_items);
    const near = Math.round((figures.within_one || 0) * figures.n_items);
    const kappa = figures.kappa === null ? "" : ` Kappa: ${new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 2 }).format(figures.kappa)}.`;
    return `${where}: bij ${same} van ${figures.n_items} hetzelfde niveau, bij ${near} hoogstens één niveau verschil.${kappa}`;
  },
  compareIndicator: "Indicator",
  compareSame: "Zelfde niveau?",
  compareDiffers: "verschilt",
  compareAgrees: "gelijk",
  /** @param {string} section */
  compareLevels: (section) => `${section}: niveau per meting`,
  /** @param {string} chart */
  compareChart: (chart) => `Profiel '${chart}' van elke meting (het nummer bij elke balk is de meting in de legende)`,
  complete: "volledig",
  incomplete: "nog niet volledig",
  storageChoice: "Bewaren in deze browser",
  storageLocal: "op dit toestel, tot je ze wist",
  storageSession: "tot de browser sluit",
  storageApply: "Keuze toepassen",
  storageUnchanged: "Dat is al de keuze voor deze browser.",
  /** @param {string} choice */
  confirmStorageSwitch: (choice) =>
    `Metingen voortaan bewaren ${choice}? Alle metingen van dit handboek in deze browser verhuizen mee, ` +
    "ook die van formulieren die in een ander tabblad openstaan.",
  storageSwitched: "Keuze toegepast: alle metingen zijn meeverhuisd.",
  /** @param {string} choice */
  storageFollowed: (choice) =>
    `In een ander tabblad werd gekozen om antwoorden te bewaren ${choice}. Dit formulier doet dat nu ook; je antwoorden blijven staan.`,
  storageNotSwitched: "Niet gelukt: er is te weinig ruimte of de browser laat het niet toe. Alles blijft zoals het was.",
  consensusTitle: "Consensus",
  consensusIntro:
    "Vertrek van één meting en kies bij elke vraag die verschilt het antwoord waarover jullie het eens zijn. " +
    "Bewaar het resultaat als nieuwe meting op dit toestel; de vergeleken metingen blijven zoals ze waren.",
  consensusStart: "Vertrekken van",
  consensusNoAnswer: "geen antwoord",
  consensusSave: "Bewaren als consensus",
  consensusNoStorage: "Deze site bewaart niets op dit toestel: de consensus kan hier niet bewaard worden.",
  consensusFull: "De opslag van dit toestel is vol: de consensus is niet bewaard. Maak ruimte op de pagina 'Op dit toestel' en probeer opnieuw.",
  /** @param {string} label */
  consensusSaved: (label) => `Bewaard als '${label}'. Het formulier wordt geopend…`,
  openRecord: "Openen",
  saveRecord: "Bewaren als bestand",
  deleteRecord: "Verwijderen",
  /** @param {string} name */
  confirmDeleteRecord: (name) => `Meting '${name}' van dit toestel verwijderen? Dit kan je hier niet ongedaan maken.`,
  noRecords: "Er zijn geen metingen bewaard op dit toestel.",
  /** @param {string} when */
  lastExported: (when) => `Laatst als bestand bewaard: ${when}.`,
  neverExported: "Je hebt nog geen antwoorden als bestand bewaard.",
  exportReminder:
    "Je antwoorden zijn al meer dan 14 dagen niet als bestand bewaard. Het handboek raadt aan dat " +
    "minstens om de 14 dagen te doen (met 'Alle gegevens bewaren als bestand' bij een formulier): " +
    "wordt de browser gewist, dan blijft je bestand.",
  notSavedYet: "(nog niet bewaard)",
  /** @param {number} count */
  recordCount: (count) =>
    count === 0
      ? "Nog geen metingen op dit toestel."
      : `${count} ${count === 1 ? "meting" : "metingen"} van dit formulier op dit toestel.`,
  newRecordStarted:
    "Nieuw, leeg formulier. Geef het een label (een cliëntcode of dossiernummer, geen naam). " +
    "De vorige meting blijft bewaard.",
  /** @param {string} name */
  duplicated: (name) =>
    `Nieuwe meting gemaakt als kopie van '${name}', met de datum van vandaag. ` +
    "De vorige meting blijft ongewijzigd bewaard.",
  discarded: "Het formulier is leeggemaakt; er was nog niets bewaard.",
  /** @param {string} name */
  deleted: (name) => `Meting '${name}' is verwijderd.`,
  undo: "Ongedaan maken",
  /** @param {string} name */
  undone: (name) => `Meting '${name}' is teruggezet.`,
  changedElsewhere:
    "Deze meting werd intussen in een ander tabblad gewijzigd. Om niets te verliezen, zijn de " +
    "antwoorden van dit tabblad als aparte meting bewaard (label met '(ander tabblad)').",
  /** @param {string} label */
  otherTabLabel: (label) => (label ? `${label} (ander tabblad)` : "(ander tabblad)"),
  deletedElsewhere: "Deze meting werd in een ander tabblad verwijderd. Het formulier is nu leeg.",
  updatedElsewhere: "Deze meting werd in een ander tabblad bijgewerkt; je ziet de nieuwste antwoorden.",
  /** @param {string} name */
  importedSeparately: (name) =>
    `Antwoorden geladen uit '${name}' als aparte meting; je vorige antwoorden blijven bewaard.`,
  nothingToExport: "Er zijn nog geen bewaarde antwoorden op dit toestel.",
  /** @param {string} name */
  bundleNeedsStorage: (name) =>
    `'${name}' bevat meerdere metingen; die kunnen alleen geladen worden als de browser antwoorden mag bewaren.`,
  /** @param {number} number */
  bundleEntry: (number) => `meting ${number}`,
  notAnEnvelope: "geen antwoordenset van het draaiboek",
  /** @param {string} name @param {number} added @param {number} skipped */
  bundleImported: (name, added, skipped) =>
    `Uit '${name}': ${added} ${added === 1 ? "meting" : "metingen"} toegevoegd` +
    (skipped ? `, ${skipped} al aanwezig en overgeslagen` : "") +
    ". Er is niets overschreven.",
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
  importConfirmSeparate:
    "De antwoorden uit het bestand worden geladen als aparte meting. Je huidige antwoorden blijven bewaard in hun eigen meting. Doorgaan?",
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
  deleteRecordButton: "Verwijderen",
  storageSwitchButton: "Verhuizen",
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
