/**
 * Auto-Replace conformance vectors: fixed input → expected output, each with the source of the
 * expected value. Real-message style texts in 25 languages under FULL, Messente's published
 * examples, and edge cases (spaces, quotes direction, composition, leftover policies).
 *
 * @since 0.1.0
 */

/**
 * One vector. `table` is a `Replacement.makeTable` input (pairs); `leftovers` the FULL policy.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReplacementVector {
  /** Short name (the language for language examples). */
  readonly name: string;
  /** BCP 47 language tag of the text ("und" when not one language). */
  readonly language: string;
  readonly mode: "off" | "on" | "full";
  readonly input: string;
  readonly table?: ReadonlyArray<readonly [string, string]>;
  readonly leftovers?: "keep" | "all-or-nothing" | { readonly substitute: string };
  /** Expected `text` of the result. */
  readonly expected: string;
  /** Where the expected value comes from. */
  readonly source: string;
}

const DIACRITICS =
  "GSM-7 letters kept (3GPP TS 23.038 6.2.1); other letters reduced to their NFD base letter (Unicode canonical decomposition); curated punctuation";
const ELOT = "ELOT 743:2001 / ISO 843:1997 transcription; GSM-7 Greek capitals kept (3GPP TS 23.038 6.2.1)";
const ICAO = "ICAO Doc 9303 Part 3 section 6.B (Cyrillic); curated punctuation";

/**
 * Real-message style examples under FULL, one per language (25 languages).
 *
 *
 * @category vectors
 * @since 0.1.0
 */
export const replacementLanguageVectors: ReadonlyArray<ReplacementVector> = [
  {
    name: "English",
    language: "en",
    mode: "full",
    input: "Hi Anna, your order #1234 is on its way – we’ll text you when it’s “out for delivery”.",
    expected: "Hi Anna, your order #1234 is on its way - we'll text you when it's \"out for delivery\".",
    source: "curated: ’ → ', “ ” → \", – → -",
  },
  {
    name: "German",
    language: "de",
    mode: "full",
    input: "Grüß Gott! Ihr Termin am Montag um 14:00 Uhr wurde bestätigt. „Danke“, Ihre Praxis.",
    expected: 'Grüß Gott! Ihr Termin am Montag um 14:00 Uhr wurde bestätigt. "Danke", Ihre Praxis.',
    source: 'ü ß ä are GSM-7 and kept; curated „ “ → "',
  },
  {
    name: "French",
    language: "fr",
    mode: "full",
    input:
      "Bonjour Hélène, votre colis est arrivé\u202f! Rendez-vous à l’accueil\u202f; code\u00a0: 4521 — merci.",
    expected: "Bonjour Hélène, votre colis est arrivé ! Rendez-vous à l'accueil ; code : 4521 - merci.",
    source: `${DIACRITICS}: ê → e; narrow no-break and no-break space → one space each; — → -`,
  },
  {
    name: "Spanish",
    language: "es",
    mode: "full",
    input: "¡Hola! Tu cita es el miércoles a las 10:30. ¿Confirmas? Responde SÍ o NO.",
    expected: "¡Hola! Tu cita es el miércoles a las 10:30. ¿Confirmas? Responde SI o NO.",
    source: `${DIACRITICS}: Í → I; ¡ ¿ é kept`,
  },
  {
    name: "Portuguese",
    language: "pt",
    mode: "full",
    input: "Olá João, o seu código de verificação é 583920. Não o partilhe com ninguém.",
    expected: "Ola Joao, o seu codigo de verificacao é 583920. Nao o partilhe com ninguém.",
    source: `${DIACRITICS}: á ã ó ç → a a o c`,
  },
  {
    name: "Italian",
    language: "it",
    mode: "full",
    input: "Ciao Niccolò, la consegna è prevista per venerdì. Più info sul sito.",
    expected: "Ciao Niccolò, la consegna è prevista per venerdì. Più info sul sito.",
    source: "ò è ì ù are all GSM-7: nothing changes",
  },
  {
    name: "Polish",
    language: "pl",
    mode: "full",
    input: "Dzień dobry! Paczka czeka w paczkomacie. Kod odbioru: 123456. Łódź, ul. Żółta 5.",
    expected: "Dzien dobry! Paczka czeka w paczkomacie. Kod odbioru: 123456. Lodz, ul. Zolta 5.",
    source: `${DIACRITICS}; Ł → L (curated: no decomposition)`,
  },
  {
    name: "Czech",
    language: "cs",
    mode: "full",
    input: "Dobrý den, Vaše objednávka č. 42 byla odeslána. Děkujeme, Příliš žluťoučký kůň.",
    expected: "Dobry den, Vase objednavka c. 42 byla odeslana. Dekujeme, Prilis zlutoucky kun.",
    source: DIACRITICS,
  },
  {
    name: "Romanian",
    language: "ro",
    mode: "full",
    input: "Bună ziua! Comanda dumneavoastră a fost expediată. Mulțumim, echipa București.",
    expected: "Buna ziua! Comanda dumneavoastra a fost expediata. Multumim, echipa Bucuresti.",
    source: `${DIACRITICS}: ă ț ș → a t s`,
  },
  {
    name: "Hungarian",
    language: "hu",
    mode: "full",
    input: "Kedves Ügyfelünk! Az Ön kódja: 9911. Érvényes 5 percig. Őrizze meg.",
    expected: "Kedves Ügyfelünk! Az Ön kodja: 9911. Érvényes 5 percig. Orizze meg.",
    source: `${DIACRITICS}: Ü ü Ö É é kept, ó Ő → o O`,
  },
  {
    name: "Turkish",
    language: "tr",
    mode: "full",
    input: "Merhaba Ayşe, siparişiniz yola çıktı. İyi günler dileriz, Ağaoğlu Ltd. Şti.",
    expected: "Merhaba Ayse, siparisiniz yola cikti. Iyi günler dileriz, Agaoglu Ltd. Sti.",
    source: `${DIACRITICS}; ı → i (curated); İ → I (NFD); ü kept`,
  },
  {
    name: "Vietnamese",
    language: "vi",
    mode: "full",
    input: "Mã xác nhận của bạn là 4821. Vui lòng không chia sẻ mã này với người khác.",
    expected: "Ma xac nhan cua ban là 4821. Vui lòng khong chia se ma này voi nguoi khac.",
    source: `${DIACRITICS}: à ò kept (GSM-7), ơ ư ậ ủ → o u a u`,
  },
  {
    name: "Icelandic",
    language: "is",
    mode: "full",
    input: "Góðan daginn Þórður, pöntunin þín er tilbúin í Reykjavík.",
    expected: "Godan daginn Thordur, pöntunin thin er tilbuin i Reykjavik.",
    source: `${DIACRITICS}; curated ð → d, þ → th, Þ → Th`,
  },
  {
    name: "Croatian",
    language: "hr",
    mode: "full",
    input: "Poštovani, Vaš termin u Đakovu je potvrđen. Hvala, Čakovec.",
    expected: "Postovani, Vas termin u Dakovu je potvrden. Hvala, Cakovec.",
    source: `${DIACRITICS}; Đ đ → D d (curated)`,
  },
  {
    name: "Latvian",
    language: "lv",
    mode: "full",
    input: "Labdien! Jūsu pasūtījums ir nosūtīts. Paldies, ka izvēlējāties mūs.",
    expected: "Labdien! Jusu pasutijums ir nosutits. Paldies, ka izvelejaties mus.",
    source: DIACRITICS,
  },
  {
    name: "Lithuanian",
    language: "lt",
    mode: "full",
    input: "Sveiki! Jūsų užsakymas išsiųstas. Ačiū, kad renkatės mus.",
    expected: "Sveiki! Jusu uzsakymas issiustas. Aciu, kad renkates mus.",
    source: DIACRITICS,
  },
  {
    name: "Estonian",
    language: "et",
    mode: "full",
    input: "Tere! Teie pakk on jõudnud pakiautomaati. Tänan, Pärnu õunaaed.",
    expected: "Tere! Teie pakk on joudnud pakiautomaati. Tänan, Pärnu ounaaed.",
    source: `${DIACRITICS}: ä kept, õ → o`,
  },
  {
    name: "Dutch",
    language: "nl",
    mode: "full",
    input: "Beste klant, uw pakket wordt morgen bezorgd tussen 9–12 uur. Groeten, Café ’t Hoekje.",
    expected: "Beste klant, uw pakket wordt morgen bezorgd tussen 9-12 uur. Groeten, Café 't Hoekje.",
    source: "curated: – → -, ’ → '; é kept",
  },
  {
    name: "Greek",
    language: "el",
    mode: "full",
    input: "Καλημέρα! Το ραντεβού σας είναι την Τρίτη στις 10:00. Ευχαριστούμε, ΑΘΗΝΑ.",
    expected: "Kalimera! To rantevou sas einai tin Triti stis 10:00. Efcharistoume, AΘINA.",
    source: `${ELOT}: ευ before χ → ef, ου → ou, Θ kept`,
  },
  {
    name: "Russian",
    language: "ru",
    mode: "full",
    input: "Здравствуйте! Ваш код подтверждения: 4821. Никому его не сообщайте. Щёлково, ЖКХ.",
    expected: "Zdravstvuite! Vash kod podtverzhdeniia: 4821. Nikomu ego ne soobshchaite. Shchelkovo, ZHKKH.",
    source: `${ICAO}: й → i, я → ia, щ → shch, capitals inside a word in capitals (ЖКХ → ZHKKH)`,
  },
  {
    name: "Ukrainian",
    language: "uk",
    mode: "full",
    input: "Вітаємо! Ваше замовлення № 58 доставлено. Дякуємо, що обрали нас. Київ, Ґанок, м’ясо.",
    expected:
      "Vitaiemo! Vashe zamovlennia No 58 dostavleno. Diakuiemo, shcho obrali nas. Kiiv, Ganok, m'iaso.",
    source: `${ICAO}: є → ie, ї → i, ґ → g; № → No`,
  },
  {
    name: "Belarusian",
    language: "be",
    mode: "full",
    input: "Добры дзень! Ваша пасылка чакае ў аддзяленні. Дзякуй, Беларусь.",
    expected: "Dobry dzen! Vasha pasylka chakae u addzialenni. Dziakui, Belarus.",
    source: `${ICAO}: ў → u, ь omitted`,
  },
  {
    name: "Bulgarian",
    language: "bg",
    mode: "full",
    input: "Здравейте! Вашата поръчка е изпратена. Благодарим ви, София.",
    expected: "Zdraveite! Vashata poriechka e izpratena. Blagodarim vi, Sofiia.",
    source: `${ICAO}: ъ → ie (ICAO; Bulgaria's national system writes a: override with the key's table)`,
  },
  {
    name: "Serbian",
    language: "sr",
    mode: "full",
    input: "Поштовани, ваш термин је потврђен. Хвала, Ђорђе из Ћуприје, Љиљана, Џон.",
    expected: "Poshtovani, vash termin je potvrden. Khvala, Dorde iz Cuprije, Ljiljana, Dzon.",
    source: `${ICAO}: ђ → d, ћ → c, љ → lj, џ → dz, ј → j`,
  },
  {
    name: "Macedonian",
    language: "mk",
    mode: "full",
    input: "Почитувани, вашата нарачка е испратена. Ѓорѓи, Ќерка, Ѕвезда, Скопје.",
    expected: "Pochituvani, vashata narachka e ispratena. Gorgi, Kerka, Dzvezda, Skopje.",
    source: `${ICAO}: ѓ → g, ќ → k, ѕ → dz`,
  },
];

/**
 * Messente's published Auto-Replace examples (Messente API documentation, "Auto-Replace"): ON
 * with a quotes table turns `„Farenheit 451“` into `"Farenheit 451"`; FULL turns `Brontë` into
 * `Bronte`.
 *
 *
 * @category vectors
 * @since 0.1.0
 */
export const messenteVectors: ReadonlyArray<ReplacementVector> = [
  {
    name: "Messente ON with a quotes table",
    language: "en",
    mode: "on",
    input: "„Farenheit 451“",
    table: [
      ["„", '"'],
      ["“", '"'],
    ],
    expected: '"Farenheit 451"',
    source: "Messente API documentation, Auto-Replace (ON)",
  },
  {
    name: "Messente FULL",
    language: "en",
    mode: "full",
    input: "Brontë",
    expected: "Bronte",
    source: "Messente API documentation, Auto-Replace (FULL)",
  },
];

/**
 * Edge cases: spacing, quote direction, composition, tables, leftovers and the modes.
 *
 *
 * @category vectors
 * @since 0.1.0
 */
export const replacementEdgeVectors: ReadonlyArray<ReplacementVector> = [
  {
    name: "OFF is byte for byte",
    language: "und",
    mode: "off",
    input: "“Hi” 😀 e\u0301",
    expected: "“Hi” 😀 e\u0301",
    source: "septet decision: OFF leaves the text unchanged",
  },
  {
    name: "one space per space character",
    language: "und",
    mode: "full",
    input: "a\u00a0b\u2009c\u3000d\u202fe\u2003f",
    expected: "a b c d e f",
    source: "issue 3: no-break, thin, ideographic spaces become one space each (peers emit two)",
  },
  {
    name: "zero-width characters removed",
    language: "und",
    mode: "full",
    input: "pay\u200bment\u00ad\ufeff ok\u2060",
    expected: "payment ok",
    source: "issue 3: zero-width characters removed; soft hyphen and BOM are invisible",
  },
  {
    name: "single angle quotes keep their direction",
    language: "fr",
    mode: "full",
    input: "‹oui› «non»",
    expected: '<oui> "non"',
    source: 'curated: ‹ → <, › → > (peers swap them); « » → "',
  },
  {
    name: "NFC composition keeps GSM-7 letters",
    language: "und",
    mode: "full",
    input: "Cafe\u0301 A\u030angstro\u0308m u\u0308\u0301",
    expected: "Café Ångström ü",
    source: "NFC: e+U+0301 → é, A+U+030A → Å, o+U+0308 → ö (GSM-7); ǘ → ü (diacritic)",
  },
  {
    name: "symbols and fractions",
    language: "und",
    mode: "full",
    input: "ACME™ © ® 1½ kg, ¼ h, 25 °C … • ok",
    expected: "ACMETM (C) (R) 1 1/2 kg, 1/4 h, 25 oC ... - ok",
    source: "curated: ™ TM, © (C), ® (R), ° o, … ..., • -; ½ ¼ by NFKC with a space after a digit",
  },
  {
    name: "fullwidth and mathematical letters",
    language: "und",
    mode: "full",
    input: "ＳＡＬＥ５０％ 𝐇𝐞𝐥𝐥𝐨 ﬁne",
    expected: "SALE50% Hello fine",
    source: "NFKC compatibility forms mapped to GSM-7 (curated rule)",
  },
  {
    name: "Greek capitals that are GSM-7 stay",
    language: "el",
    mode: "full",
    input: "ΔΦΓΛΩΠΨΣΘΞ ΑΒΗΧ Χάρης αυτό",
    expected: "ΔΦΓΛΩΠΨΣΘΞ AVICH Charis afto",
    source: `${ELOT}: αυ before τ → af; Χ in a word in capitals → CH, else Ch`,
  },
  {
    name: "emoji sequences are one leftover each",
    language: "und",
    mode: "full",
    input: "Hi 👨‍👩‍👧 🇪🇪 👍🏽!",
    leftovers: { substitute: "?" },
    expected: "Hi ? ? ?!",
    source:
      "leftover policy { substitute }: a ZWJ sequence, a flag and a skin-toned emoji are one character each",
  },
  {
    name: "all-or-nothing returns the original",
    language: "und",
    mode: "full",
    input: "“Hi” 中文",
    leftovers: "all-or-nothing",
    expected: "“Hi” 中文",
    source: "issue 3: all-or-nothing returns the original text untouched",
  },
  {
    name: "keep leaves leftovers",
    language: "und",
    mode: "full",
    input: "“Hi” 中文",
    expected: '"Hi" 中文',
    source: "issue 3: keep (default) replaces what it can, the message goes UCS-2",
  },
  {
    name: "ON longest match first, never re-scanned",
    language: "und",
    mode: "on",
    input: "aaa ab",
    table: [
      ["a", "ab"],
      ["aa", "x"],
      ["ab", "a"],
    ],
    expected: "xab a",
    source: "septet decision, ON: one left-to-right pass, longest match first, output never re-scanned",
  },
  {
    name: "FULL runs the key's table before the built-in",
    language: "bg",
    mode: "full",
    input: "поръчка Ωμέγα",
    table: [
      ["ъ", "a"],
      ["ω", "oo"],
    ],
    expected: "porachka Ωmega",
    source:
      "issue 3 FULL order: NFC, the key's table, GSM-7 kept, built-in (Ω is GSM-7; the table's ω does not match it)",
  },
];
