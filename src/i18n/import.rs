//! The import report's sentences in English, Spanish and Portuguese.
//!
//! The importer and the JSON reader never build a sentence themselves: they record *what* happened
//! as an [`ImportText`] (the cell's text and the numbers involved), and the page, the downloaded
//! report and the command line say it in their language. Every variant is matched below for every
//! language, so a new reason cannot ship untranslated. The cell's own text is quoted as written,
//! never translated.

use super::Lang;
use std::fmt;

/// Why a number could not be read (the details after "is not a number").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFault {
    /// Spaces inside it do not separate groups of three digits.
    Spaces,
    /// Two decimal separators.
    TwoDecimals,
    /// This separator does not separate groups of three digits.
    Grouping(char),
    TooLarge,
}

/// One thing the importer has to say about a cell, a row or the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportText {
    // A cell read differently from how it is written (warnings).
    /// "n/a" read as not stated.
    NotStated(String),
    /// A cell read as a value: `"Brasil" read as BRA`, `"2,5 millones" read as 2500000`.
    ReadAs(String, String),
    /// A two-letter country code read as the three-letter one.
    ReadAsAlpha2(String, String),
    /// A date read as its year.
    ReadAsYear(String, i32),
    /// An amount in scientific notation read as a number.
    Scientific(String, String),
    /// An amount read with a currency mark or an ambiguous separator.
    AmountRead {
        cell: String,
        number: String,
        /// The currency mark written beside the number, and the code it states, if any.
        mark: Option<(String, Option<String>)>,
        /// The ambiguous separator and whether it was taken as the decimal one.
        separator: Option<(char, bool)>,
    },
    /// A value given twice in one cell.
    ListedTwice(String),
    /// A value that could not be read; the field is left empty and the row loads.
    LeftEmpty(Box<ImportText>),
    BudgetFromUsd,
    UsdFromAmount,
    IdGenerated(String),
    IdSuffix(String),
    ShortRow {
        width: usize,
        headers: usize,
    },
    LongCell(usize),
    // A cell that cannot be read (reasons).
    AmountApproximate(String),
    AmountInWords(String),
    AmountNegative(String),
    AmountPercentage(String),
    NotANumber(String),
    NumberFault(String, NumberFault),
    YearApproximate(String),
    NotAYear(String),
    SpreadsheetDate(String),
    NotFourDigitYear(String),
    YearRange(String),
    NotPlausibleYear(i32),
    EndsBeforeStarts(String, String),
    CurrencyUnclear(String),
    NotACurrency(String),
    /// A label that could mean two values of a field (the field's key, the candidate keys).
    AmbiguousValue {
        cell: String,
        field: String,
        candidates: Vec<String>,
    },
    /// A value a field does not know (the field's key, its keys).
    UnknownValue {
        cell: String,
        field: String,
        allowed: Vec<String>,
    },
    ActorWithoutName(String),
    SeveralCountries(String),
    NotACountry(String),
    NotAUrl(String),
    ColumnsDisagree {
        first_column: String,
        second_column: String,
        first: String,
        second: String,
    },
    AmountCurrencyMismatch {
        amount: String,
        column: String,
    },
    UsdInOtherCurrency(String),
    ExtraCells {
        width: usize,
        headers: usize,
        extra: String,
    },
    NameNotMapped,
    NameEmpty,
    CountryNotMapped,
    CountryEmpty,
    CouldNotBeRead,
    DuplicateIdAtLine(usize),
    // The file as a whole (warnings).
    Windows1252,
    /// Read in this encoding (utf-16le, ...).
    Encoding(String),
    DoubleEncoded,
    QuoteNeverClosed {
        opened: usize,
        last: usize,
        row: usize,
    },
    QuoteNeverClosedAtEnd(usize),
    AboveHeader {
        rows: usize,
        line: usize,
        text: String,
    },
    BlankRows(usize),
    Unmapped(usize),
    HeaderCurrency(String),
    NoIdColumn,
    // A file that cannot be read at all.
    FileEmpty,
    /// Not a text file: a workbook (`xlsx`), an old Excel file (`xls`), a PDF (`pdf`) or
    /// another binary file (`binary`).
    NotText(&'static str),
    /// Not valid JSON; the JSON reader's own words follow.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Valid JSON whose top level is not an array of records (the JSON kind found).
    NotAnArray(&'static str),
    // JSON records (the dataset reader).
    /// Not an object: the JSON kind found (`null`, `a number`, ...).
    ExpectedObject(&'static str),
    /// The JSON reader's own words about a value (a type or a field it cannot read); kept as
    /// the reader gives them, after a translated lead.
    JsonValue(String),
    MustNotBeEmpty,
    NotIsoCountry(String),
    NotValidAmount(String),
    NotIsoCurrency(String),
    NotPartialDate(String),
    DuplicateId,
    StudyDesign,
    StudyNeedsLink,
    NotADoi(String),
    StudyWithoutIntervention,
    NoSuchIntervention(String),
    NotFinite,
    /// A study's problem, with the study's 1-based number.
    Study(usize, Box<ImportText>),
}

impl ImportText {
    /// The sentence in a language.
    pub fn text(&self, lang: Lang) -> String {
        use ImportText::*;
        let pick = |en: String, es: String, pt: String| match lang {
            Lang::En => en,
            Lang::Es => es,
            Lang::Pt => pt,
        };
        let s = |en: &str, es: &str, pt: &str| pick(en.into(), es.into(), pt.into());
        match self {
            NotStated(c) => pick(
                format!("\"{c}\" read as not stated"),
                format!("\"{c}\" leído como «sin dato»"),
                format!("\"{c}\" lido como «sem dado»"),
            ),
            ReadAs(c, v) => pick(
                format!("\"{c}\" read as {v}"),
                format!("\"{c}\" leído como {v}"),
                format!("\"{c}\" lido como {v}"),
            ),
            ReadAsAlpha2(c, v) => pick(
                format!("\"{c}\" (two-letter code) read as {v}"),
                format!("\"{c}\" (código de dos letras) leído como {v}"),
                format!("\"{c}\" (código de duas letras) lido como {v}"),
            ),
            ReadAsYear(c, y) => pick(
                format!("\"{c}\" read as the year {y}"),
                format!("\"{c}\" leído como el año {y}"),
                format!("\"{c}\" lido como o ano {y}"),
            ),
            Scientific(c, n) => pick(
                format!("\"{c}\" read as {n}: a spreadsheet may have rounded it; check the full number"),
                format!("\"{c}\" leído como {n}: una hoja de cálculo puede haberlo redondeado; revise el número completo"),
                format!("\"{c}\" lido como {n}: uma planilha pode tê-lo arredondado; confira o número completo"),
            ),
            AmountRead {
                cell,
                number,
                mark,
                separator,
            } => {
                let mut out = pick(
                    format!("\"{cell}\" read as {number}"),
                    format!("\"{cell}\" leído como {number}"),
                    format!("\"{cell}\" lido como {number}"),
                );
                match mark {
                    Some((m, Some(code))) => out.push_str(&pick(
                        format!(" {code} (currency mark \"{m}\")"),
                        format!(" {code} (signo de moneda \"{m}\")"),
                        format!(" {code} (símbolo de moeda \"{m}\")"),
                    )),
                    Some((m, None)) => out.push_str(&pick(
                        format!("; \"{m}\" does not say which currency: give it in the currency column"),
                        format!("; \"{m}\" no dice qué moneda: indíquela en la columna de moneda"),
                        format!("; \"{m}\" não diz qual moeda: indique-a na coluna de moeda"),
                    )),
                    None => {}
                }
                if let Some((sep, decimal)) = separator {
                    out.push_str(&match (lang, decimal) {
                        (Lang::En, true) => format!(" (\"{sep}\" taken as the decimal separator, as in the rest of the file)"),
                        (Lang::En, false) => format!(" (\"{sep}\" taken as the thousands separator, as in the rest of the file)"),
                        (Lang::Es, true) => format!(" (\"{sep}\" tomado como separador decimal, como en el resto del archivo)"),
                        (Lang::Es, false) => format!(" (\"{sep}\" tomado como separador de miles, como en el resto del archivo)"),
                        (Lang::Pt, true) => format!(" (\"{sep}\" tomado como separador decimal, como no resto do arquivo)"),
                        (Lang::Pt, false) => format!(" (\"{sep}\" tomado como separador de milhar, como no resto do arquivo)"),
                    });
                }
                out
            }
            ListedTwice(v) => pick(
                format!("{v} listed twice: kept once"),
                format!("{v} aparece dos veces: se guarda una"),
                format!("{v} aparece duas vezes: mantido uma vez"),
            ),
            LeftEmpty(why) => {
                let why = why.text(lang);
                pick(
                    format!("{why}; the field is left empty"),
                    format!("{why}; el campo queda vacío"),
                    format!("{why}; o campo fica vazio"),
                )
            }
            BudgetFromUsd => s(
                "budget amount and currency (USD) taken from the US$ budget",
                "monto y moneda (USD) del presupuesto tomados del presupuesto en US$",
                "valor e moeda (USD) do orçamento tomados do orçamento em US$",
            ),
            UsdFromAmount => s(
                "budget_usd set from the amount in USD",
                "budget_usd tomado del monto en USD",
                "budget_usd tomado do valor em USD",
            ),
            IdGenerated(id) => pick(
                format!("no id: generated \"{id}\""),
                format!("sin identificador: se generó \"{id}\""),
                format!("sem identificador: foi gerado \"{id}\""),
            ),
            IdSuffix(id) => pick(
                format!("same country, name, place and start year as an earlier row: id \"{id}\""),
                format!("mismo país, nombre, lugar y año de inicio que una fila anterior: identificador \"{id}\""),
                format!("mesmo país, nome, local e ano de início que uma linha anterior: identificador \"{id}\""),
            ),
            ShortRow { width, headers } => pick(
                format!("has {width} cells, the header has {headers}: the missing cells are read as empty"),
                format!("tiene {width} celdas y el encabezado {headers}: las que faltan se leen vacías"),
                format!("tem {width} células e o cabeçalho {headers}: as que faltam são lidas vazias"),
            ),
            LongCell(lines) => pick(
                format!("a quoted cell runs over {lines} lines: if that is not meant, a quote is probably not closed"),
                format!("una celda entre comillas ocupa {lines} líneas: si no es a propósito, probablemente falta cerrar unas comillas"),
                format!("uma célula entre aspas ocupa {lines} linhas: se não for proposital, provavelmente faltam fechar aspas"),
            ),
            AmountApproximate(c) => pick(
                format!("\"{c}\" is approximate: approximate amounts are left empty (write the exact amount or nothing)"),
                format!("\"{c}\" es aproximado: los montos aproximados quedan vacíos (escriba el monto exacto o nada)"),
                format!("\"{c}\" é aproximado: valores aproximados ficam vazios (escreva o valor exato ou nada)"),
            ),
            AmountInWords(c) => pick(
                format!("\"{c}\" is written in words: write the full amount as a number"),
                format!("\"{c}\" está escrito en palabras: escriba el monto completo en cifras"),
                format!("\"{c}\" está escrito por extenso: escreva o valor completo em algarismos"),
            ),
            AmountNegative(c) => pick(
                format!("\"{c}\" is negative: an amount cannot be below zero"),
                format!("\"{c}\" es negativo: un monto no puede ser menor que cero"),
                format!("\"{c}\" é negativo: um valor não pode ser menor que zero"),
            ),
            AmountPercentage(c) => pick(
                format!("\"{c}\" is a percentage, not an amount"),
                format!("\"{c}\" es un porcentaje, no un monto"),
                format!("\"{c}\" é uma porcentagem, não um valor"),
            ),
            NotANumber(c) => pick(
                format!("\"{c}\" is not a number"),
                format!("\"{c}\" no es un número"),
                format!("\"{c}\" não é um número"),
            ),
            NumberFault(c, fault) => {
                let why = match fault {
                    self::NumberFault::Spaces => s(
                        "spaces inside it do not separate groups of three digits",
                        "los espacios no separan grupos de tres cifras",
                        "os espaços não separam grupos de três algarismos",
                    ),
                    self::NumberFault::TwoDecimals => s(
                        "two decimal separators",
                        "dos separadores decimales",
                        "dois separadores decimais",
                    ),
                    self::NumberFault::Grouping(sep) => pick(
                        format!("\"{sep}\" does not separate groups of three digits"),
                        format!("\"{sep}\" no separa grupos de tres cifras"),
                        format!("\"{sep}\" não separa grupos de três algarismos"),
                    ),
                    self::NumberFault::TooLarge => {
                        return pick(
                            format!("\"{c}\" is too large"),
                            format!("\"{c}\" es demasiado grande"),
                            format!("\"{c}\" é grande demais"),
                        )
                    }
                };
                pick(
                    format!("\"{c}\" is not a number ({why})"),
                    format!("\"{c}\" no es un número ({why})"),
                    format!("\"{c}\" não é um número ({why})"),
                )
            }
            YearApproximate(c) => pick(
                format!("\"{c}\" is approximate: give the year a source states, or leave it empty"),
                format!("\"{c}\" es aproximado: indique el año que dice una fuente, o déjelo vacío"),
                format!("\"{c}\" é aproximado: indique o ano que uma fonte informa, ou deixe-o vazio"),
            ),
            NotAYear(c) => pick(
                format!("\"{c}\" is not a year"),
                format!("\"{c}\" no es un año"),
                format!("\"{c}\" não é um ano"),
            ),
            SpreadsheetDate(c) => pick(
                format!("\"{c}\" is not a year (a spreadsheet date number? format the column as text or as a year)"),
                format!("\"{c}\" no es un año (¿un número de fecha de la hoja de cálculo? dé a la columna formato de texto o de año)"),
                format!("\"{c}\" não é um ano (um número de data da planilha? formate a coluna como texto ou como ano)"),
            ),
            NotFourDigitYear(c) => pick(
                format!("\"{c}\" is not a four-digit year"),
                format!("\"{c}\" no es un año de cuatro cifras"),
                format!("\"{c}\" não é um ano de quatro algarismos"),
            ),
            YearRange(c) => pick(
                format!("\"{c}\" is a range: put the first year in the start year and the last in the end year"),
                format!("\"{c}\" es un intervalo: ponga el primer año en el año de inicio y el último en el año de fin"),
                format!("\"{c}\" é um intervalo: ponha o primeiro ano no ano de início e o último no ano de término"),
            ),
            NotPlausibleYear(y) => pick(
                format!("{y} is not a plausible year"),
                format!("{y} no es un año plausible"),
                format!("{y} não é um ano plausível"),
            ),
            EndsBeforeStarts(e, st) => pick(
                format!("ends ({e}) before it starts ({st})"),
                format!("termina ({e}) antes de empezar ({st})"),
                format!("termina ({e}) antes de começar ({st})"),
            ),
            CurrencyUnclear(c) => pick(
                format!("\"{c}\" does not say which currency (pesos and \"$\" are used by several countries): write the ISO 4217 code, e.g. \"MXN\" or \"COP\""),
                format!("\"{c}\" no dice qué moneda (varios países usan pesos y \"$\"): escriba el código ISO 4217, p. ej. \"MXN\" o \"COP\""),
                format!("\"{c}\" não diz qual moeda (vários países usam pesos e \"$\"): escreva o código ISO 4217, p. ex. \"MXN\" ou \"COP\""),
            ),
            NotACurrency(c) => pick(
                format!("\"{c}\" is not an ISO 4217 currency code (e.g. \"USD\", \"BRL\")"),
                format!("\"{c}\" no es un código de moneda ISO 4217 (p. ej. \"USD\", \"BRL\")"),
                format!("\"{c}\" não é um código de moeda ISO 4217 (p. ex. \"USD\", \"BRL\")"),
            ),
            AmbiguousValue {
                cell,
                field,
                candidates,
            } => {
                let f = vocabulary_name(lang, field);
                let or = s(" or ", " o ", " ou ");
                let c = candidates.join(&or);
                pick(
                    format!("\"{cell}\" is ambiguous as {f}: it could be {c}; write the one meant"),
                    format!("\"{cell}\" es ambiguo como {f}: puede ser {c}; escriba el que corresponde"),
                    format!("\"{cell}\" é ambíguo como {f}: pode ser {c}; escreva o que corresponde"),
                )
            }
            UnknownValue {
                cell,
                field,
                allowed,
            } => {
                let f = vocabulary_name(lang, field);
                let a = allowed.join(", ");
                pick(
                    format!("\"{cell}\" is not a known value of {f}; use one of: {a} (or their labels in English, Spanish or Portuguese)"),
                    format!("\"{cell}\" no es un valor conocido de {f}; use uno de: {a} (o sus nombres en español, inglés o portugués)"),
                    format!("\"{cell}\" não é um valor conhecido de {f}; use um de: {a} (ou seus nomes em português, inglês ou espanhol)"),
                )
            }
            ActorWithoutName(c) => pick(
                format!("\"{c}\" has a type but no name"),
                format!("\"{c}\" tiene un tipo pero no un nombre"),
                format!("\"{c}\" tem um tipo mas não um nome"),
            ),
            SeveralCountries(c) => pick(
                format!("\"{c}\" names several countries: a record has one country (give the main site's and set the level to \"regional\")"),
                format!("\"{c}\" nombra varios países: un registro tiene un país (indique el de la sede principal y ponga el nivel \"regional\")"),
                format!("\"{c}\" cita vários países: um registro tem um país (indique o da sede principal e ponha o nível \"regional\")"),
            ),
            NotACountry(c) => pick(
                format!("\"{c}\" is not a country code (e.g. \"PER\") or a country name this importer knows"),
                format!("\"{c}\" no es un código de país (p. ej. \"PER\") ni un nombre de país que este importador conozca"),
                format!("\"{c}\" não é um código de país (p. ex. \"PER\") nem um nome de país que este importador conheça"),
            ),
            NotAUrl(c) => pick(
                format!("\"{c}\" is not an http(s) URL"),
                format!("\"{c}\" no es una dirección http(s)"),
                format!("\"{c}\" não é um endereço http(s)"),
            ),
            ColumnsDisagree {
                first_column: a,
                second_column: b,
                first,
                second,
            } => pick(
                format!("columns \"{a}\" and \"{b}\" disagree: \"{first}\" / \"{second}\""),
                format!("las columnas \"{a}\" y \"{b}\" no coinciden: \"{first}\" / \"{second}\""),
                format!("as colunas \"{a}\" e \"{b}\" não coincidem: \"{first}\" / \"{second}\""),
            ),
            AmountCurrencyMismatch { amount, column } => pick(
                format!("the amount is in {amount} but the currency column says {column}"),
                format!("el monto está en {amount} pero la columna de moneda dice {column}"),
                format!("o valor está em {amount} mas a coluna de moeda diz {column}"),
            ),
            UsdInOtherCurrency(c) => pick(
                format!("budget_usd holds an amount in {c}"),
                format!("budget_usd tiene un monto en {c}"),
                format!("budget_usd tem um valor em {c}"),
            ),
            ExtraCells {
                width,
                headers,
                extra,
            } => pick(
                format!("has {width} cells but the header has {headers}: a delimiter inside a cell that is not quoted? (extra: \"{extra}\")"),
                format!("tiene {width} celdas pero el encabezado {headers}: ¿un delimitador dentro de una celda sin comillas? (sobran: \"{extra}\")"),
                format!("tem {width} células mas o cabeçalho {headers}: um delimitador dentro de uma célula sem aspas? (sobram: \"{extra}\")"),
            ),
            NameNotMapped => s(
                "no column is mapped to the name: choose the column that holds it",
                "ninguna columna está asignada al nombre: elija la columna que lo contiene",
                "nenhuma coluna está associada ao nome: escolha a coluna que o contém",
            ),
            NameEmpty => s(
                "is empty: every record needs a name",
                "está vacío: todo registro necesita un nombre",
                "está vazio: todo registro precisa de um nome",
            ),
            CountryNotMapped => s(
                "no column is mapped to the country: choose the column that holds it",
                "ninguna columna está asignada al país: elija la columna que lo contiene",
                "nenhuma coluna está associada ao país: escolha a coluna que o contém",
            ),
            CountryEmpty => s(
                "is empty: every record needs a country",
                "está vacío: todo registro necesita un país",
                "está vazio: todo registro precisa de um país",
            ),
            CouldNotBeRead => s("could not be read", "no se pudo leer", "não pôde ser lido"),
            DuplicateIdAtLine(line) => pick(
                format!("duplicate id: line {line} already uses it"),
                format!("identificador repetido: la línea {line} ya lo usa"),
                format!("identificador repetido: a linha {line} já o usa"),
            ),
            Windows1252 => s(
                "the file is not UTF-8: read as Windows-1252 (Latin-1); check that accents look right",
                "el archivo no está en UTF-8: se leyó como Windows-1252 (Latin-1); revise que los acentos se vean bien",
                "o arquivo não está em UTF-8: foi lido como Windows-1252 (Latin-1); confira se os acentos aparecem bem",
            ),
            Encoding(e) => pick(
                format!("read as {e}"),
                format!("leído como {e}"),
                format!("lido como {e}"),
            ),
            DoubleEncoded => s(
                "some text looks converted twice (\"Ã©\" for \"é\"): the file was probably saved from text already mis-read; fix it at the source",
                "parte del texto parece convertida dos veces (\"Ã©\" por \"é\"): el archivo probablemente se guardó a partir de texto ya mal leído; corríjalo en el origen",
                "parte do texto parece convertida duas vezes (\"Ã©\" por \"é\"): o arquivo provavelmente foi salvo a partir de texto já mal lido; corrija-o na origem",
            ),
            QuoteNeverClosed { opened, last, row } => pick(
                format!("the quote opened on line {opened} is never closed: lines {opened}–{last} were read into one cell of the row starting on line {row}; close the quote and load the file again"),
                format!("las comillas abiertas en la línea {opened} nunca se cierran: las líneas {opened}–{last} se leyeron en una celda de la fila que empieza en la línea {row}; cierre las comillas y cargue el archivo de nuevo"),
                format!("as aspas abertas na linha {opened} nunca se fecham: as linhas {opened}–{last} foram lidas numa célula da linha que começa na linha {row}; feche as aspas e carregue o arquivo de novo"),
            ),
            QuoteNeverClosedAtEnd(opened) => pick(
                format!("the quote opened on line {opened} is never closed"),
                format!("las comillas abiertas en la línea {opened} nunca se cierran"),
                format!("as aspas abertas na linha {opened} nunca se fecham"),
            ),
            AboveHeader { rows, line, text } => pick(
                format!("{rows} row(s) above the header on line {line} were not read as data: \"{text}\""),
                format!("{rows} fila(s) sobre el encabezado de la línea {line} no se leyeron como datos: \"{text}\""),
                format!("{rows} linha(s) acima do cabeçalho da linha {line} não foram lidas como dados: \"{text}\""),
            ),
            BlankRows(n) => pick(
                format!("{n} blank row(s) skipped"),
                format!("{n} fila(s) en blanco omitida(s)"),
                format!("{n} linha(s) em branco ignorada(s)"),
            ),
            Unmapped(n) => pick(
                format!("not mapped to a field: its {n} value(s) are not loaded"),
                format!("no asignada a un campo: sus {n} valor(es) no se cargan"),
                format!("não associada a um campo: seus {n} valor(es) não são carregados"),
            ),
            HeaderCurrency(c) => pick(
                format!("the header states {c}: rows without a currency get {c}"),
                format!("el encabezado indica {c}: las filas sin moneda reciben {c}"),
                format!("o cabeçalho indica {c}: as linhas sem moeda recebem {c}"),
            ),
            NoIdColumn => s(
                "no id column: every record gets an id made from its country, name and a hash of its identifying fields",
                "no hay columna de identificador: cada registro recibe uno hecho con su país, su nombre y un resumen (hash) de sus campos de identificación",
                "não há coluna de identificador: cada registro recebe um feito com seu país, seu nome e um resumo (hash) de seus campos de identificação",
            ),
            ExpectedObject(kind) => {
                let k = json_kind(lang, kind);
                pick(
                    format!("expected an object, found {k}"),
                    format!("se esperaba un objeto y hay {k}"),
                    format!("esperava-se um objeto e há {k}"),
                )
            }
            FileEmpty => s("the file is empty", "el archivo está vacío", "o arquivo está vazio"),
            NotText(what) => {
                let what = match (lang, *what) {
                    (Lang::En, "xlsx") => "a spreadsheet workbook (.xlsx or .ods) or another zip archive",
                    (Lang::En, "xls") => "an Excel 97-2003 workbook (.xls)",
                    (Lang::En, "pdf") => "a PDF document",
                    (Lang::En, _) => "a binary file",
                    (Lang::Es, "xlsx") => "un libro de hoja de cálculo (.xlsx u .ods) u otro archivo zip",
                    (Lang::Es, "xls") => "un libro de Excel 97-2003 (.xls)",
                    (Lang::Es, "pdf") => "un documento PDF",
                    (Lang::Es, _) => "un archivo binario",
                    (Lang::Pt, "xlsx") => "uma pasta de trabalho de planilha (.xlsx ou .ods) ou outro arquivo zip",
                    (Lang::Pt, "xls") => "uma pasta de trabalho do Excel 97-2003 (.xls)",
                    (Lang::Pt, "pdf") => "um documento PDF",
                    (Lang::Pt, _) => "um arquivo binário",
                };
                pick(
                    format!("this is {what}, not a CSV or JSON file: save it as CSV (UTF-8) and load that"),
                    format!("esto es {what}, no un archivo CSV ni JSON: guárdelo como CSV (UTF-8) y cargue ese"),
                    format!("isto é {what}, não um arquivo CSV nem JSON: salve-o como CSV (UTF-8) e carregue esse"),
                )
            }
            NotJson {
                line,
                column,
                detail,
            } => pick(
                format!("not valid JSON at line {line}, column {column}: {detail}"),
                format!("JSON no válido en la línea {line}, columna {column} (detalle del lector JSON, en inglés): {detail}"),
                format!("JSON inválido na linha {line}, coluna {column} (detalhe do leitor JSON, em inglês): {detail}"),
            ),
            NotAnArray(kind) => {
                let k = json_kind(lang, kind);
                pick(
                    format!("expected a JSON array of records, found {k}"),
                    format!("se esperaba una lista JSON de registros y hay {k}"),
                    format!("esperava-se uma lista JSON de registros e há {k}"),
                )
            }
            JsonValue(detail) => pick(
                format!("cannot be read: {detail}"),
                format!("no se puede leer (detalle del lector JSON, en inglés): {detail}"),
                format!("não pode ser lido (detalhe do leitor JSON, em inglês): {detail}"),
            ),
            MustNotBeEmpty => s("must not be empty", "no puede estar vacío", "não pode estar vazio"),
            NotIsoCountry(c) => pick(
                format!("\"{c}\" is not an ISO 3166-1 alpha-3 code (e.g. \"BRA\")"),
                format!("\"{c}\" no es un código ISO 3166-1 alfa-3 (p. ej. \"BRA\")"),
                format!("\"{c}\" não é um código ISO 3166-1 alfa-3 (p. ex. \"BRA\")"),
            ),
            NotValidAmount(a) => pick(
                format!("{a} is not a valid amount"),
                format!("{a} no es un monto válido"),
                format!("{a} não é um valor válido"),
            ),
            NotIsoCurrency(c) => pick(
                format!("\"{c}\" is not an ISO 4217 code (e.g. \"USD\")"),
                format!("\"{c}\" no es un código ISO 4217 (p. ej. \"USD\")"),
                format!("\"{c}\" não é um código ISO 4217 (p. ex. \"USD\")"),
            ),
            NotPartialDate(d) => pick(
                format!("\"{d}\" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"),
                format!("\"{d}\" no es una fecha de la forma AAAA, AAAA-MM o AAAA-MM-DD"),
                format!("\"{d}\" não é uma data da forma AAAA, AAAA-MM ou AAAA-MM-DD"),
            ),
            DuplicateId => s(
                "duplicate id: an earlier record already uses it",
                "identificador repetido: un registro anterior ya lo usa",
                "identificador repetido: um registro anterior já o usa",
            ),
            StudyDesign => s(
                "a study's design is monitoring, process, quasi-experimental or experimental",
                "el diseño de un estudio es de monitoreo, de proceso, cuasi-experimental o experimental",
                "o desenho de um estudo é de monitoramento, de processo, quase-experimental ou experimental",
            ),
            StudyNeedsLink => s(
                "a study needs a DOI or a URL",
                "un estudio necesita un DOI o una dirección web",
                "um estudo precisa de um DOI ou de um endereço web",
            ),
            NotADoi(d) => pick(
                format!("\"{d}\" is not a DOI (a bare DOI such as \"10.1086/670138\")"),
                format!("\"{d}\" no es un DOI (un DOI solo, como \"10.1086/670138\")"),
                format!("\"{d}\" não é um DOI (um DOI sozinho, como \"10.1086/670138\")"),
            ),
            StudyWithoutIntervention => s(
                "a study evaluates at least one intervention",
                "un estudio evalúa al menos una intervención",
                "um estudo avalia pelo menos uma intervenção",
            ),
            NoSuchIntervention(id) => pick(
                format!("no intervention has the id \"{id}\""),
                format!("ninguna intervención tiene el identificador \"{id}\""),
                format!("nenhuma intervenção tem o identificador \"{id}\""),
            ),
            NotFinite => s("not a finite number", "no es un número finito", "não é um número finito"),
            Study(n, why) => {
                let why = why.text(lang);
                pick(
                    format!("study {n}: {why}"),
                    format!("estudio {n}: {why}"),
                    format!("estudo {n}: {why}"),
                )
            }
        }
    }
}

/// The name of a vocabulary the importer reads (`values::Vocab::FIELD`: "focus", "actor type",
/// "budget kind", ...) in a language.
fn vocabulary_name(lang: Lang, field: &str) -> String {
    match field {
        "actor type" => ["actor type", "tipo de actor", "tipo de ator"][lang as usize].to_owned(),
        "budget kind" => super::evidence::import_field_label(lang, "budget_kind"),
        "outcome" => super::evidence::import_field_label(lang, "outcomes"),
        other => super::evidence::import_field_label(lang, other),
    }
}

/// A JSON kind ("a number", "an array", ...) in a language.
fn json_kind(lang: Lang, kind: &str) -> &str {
    match (lang, kind) {
        (Lang::Es, "a boolean") => "un valor lógico",
        (Lang::Es, "a number") => "un número",
        (Lang::Es, "a string") => "un texto",
        (Lang::Es, "an array") => "una lista",
        (Lang::Es, "an object") => "un objeto",
        (Lang::Pt, "a boolean") => "um valor lógico",
        (Lang::Pt, "a number") => "um número",
        (Lang::Pt, "a string") => "um texto",
        (Lang::Pt, "an array") => "uma lista",
        (Lang::Pt, "an object") => "um objeto",
        (_, k) => k,
    }
}

/// English, as the command line and the JSON report give it.
impl fmt::Display for ImportText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl serde::Serialize for ImportText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text(Lang::En))
    }
}

/// The words of the text report around the reasons: its summary line, headings, and where a
/// problem is ("line 4, column \"País\" (country)").
pub struct ReportWords {
    pub lang: Lang,
}

impl ReportWords {
    /// "3 rows: 2 loaded, 1 rejected, 2 warnings".
    pub fn summary(
        &self,
        rows: usize,
        accepted: usize,
        rejected: usize,
        warnings: usize,
    ) -> String {
        let n = |v: usize| super::format_count(self.lang, v);
        match self.lang {
            Lang::En => format!(
                "{} {}: {} loaded, {} rejected, {} {}",
                n(rows),
                if rows == 1 { "row" } else { "rows" },
                n(accepted),
                n(rejected),
                n(warnings),
                if warnings == 1 { "warning" } else { "warnings" }
            ),
            Lang::Es => format!(
                "{} {}: {} {}, {} {}, {} {}",
                n(rows),
                if rows == 1 { "fila" } else { "filas" },
                n(accepted),
                if accepted == 1 { "cargada" } else { "cargadas" },
                n(rejected),
                if rejected == 1 {
                    "rechazada"
                } else {
                    "rechazadas"
                },
                n(warnings),
                if warnings == 1 {
                    "advertencia"
                } else {
                    "advertencias"
                }
            ),
            Lang::Pt => format!(
                "{} {}: {} {}, {} {}, {} {}",
                n(rows),
                if rows == 1 { "linha" } else { "linhas" },
                n(accepted),
                if accepted == 1 {
                    "carregada"
                } else {
                    "carregadas"
                },
                n(rejected),
                if rejected == 1 {
                    "rejeitada"
                } else {
                    "rejeitadas"
                },
                n(warnings),
                if warnings == 1 { "aviso" } else { "avisos" }
            ),
        }
    }

    pub fn rejected_heading(&self) -> &'static str {
        ["Rejected:", "Rechazadas:", "Rejeitadas:"][self.lang as usize]
    }

    pub fn warnings_heading(&self) -> &'static str {
        ["Warnings:", "Advertencias:", "Avisos:"][self.lang as usize]
    }

    /// "and" before a row's further problems.
    pub fn and(&self) -> &'static str {
        ["and", "y", "e"][self.lang as usize]
    }

    /// "file": a note about the file as a whole.
    pub fn file(&self) -> &'static str {
        ["file", "archivo", "arquivo"][self.lang as usize]
    }

    /// "line 4".
    pub fn line(&self, line: usize) -> String {
        format!("{} {line}", super::line_word(self.lang))
    }

    /// "`at`, column "País" (country): `what`": a problem, where it is and what it is.
    pub fn problem(&self, at: String, column: &str, field: &str, what: &ImportText) -> String {
        let mut out = at;
        if !(column.is_empty() && field.is_empty()) {
            out.push_str(", ");
            out.push_str(&self.place(column, field));
        }
        format!("{out}: {}", what.text(self.lang))
    }

    /// `(id "x")`.
    pub fn id(&self, id: &str) -> String {
        let word = ["id", "identificador", "identificador"][self.lang as usize];
        format!("({word} \"{id}\")")
    }

    /// Where in a row: the row, a field, a column, or a column and its field.
    pub fn place(&self, column: &str, field: &str) -> String {
        let l = self.lang as usize;
        match (column.is_empty(), field.is_empty() || field == column) {
            (true, true) => ["the row", "la fila", "a linha"][l].to_owned(),
            (true, false) => format!("{} `{field}`", ["field", "campo", "campo"][l]),
            (false, true) => format!("{} \"{column}\"", ["column", "columna", "coluna"][l]),
            (false, false) => {
                format!(
                    "{} \"{column}\" ({field})",
                    ["column", "columna", "coluna"][l]
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_differ_by_language_and_keep_the_cell() {
        let cases = [
            ImportText::NotAYear("ca. 2010".into()),
            ImportText::LeftEmpty(Box::new(ImportText::YearApproximate("ca. 2010".into()))),
            ImportText::ReadAs("2,5 millones".into(), "2500000".into()),
            ImportText::NumberFault("1.2.3".into(), NumberFault::TwoDecimals),
            ImportText::Study(2, Box::new(ImportText::StudyNeedsLink)),
            ImportText::NotText("xlsx"),
            ImportText::NotAnArray("a number"),
            ImportText::FileEmpty,
        ];
        for c in &cases {
            let [en, es, pt] = [Lang::En, Lang::Es, Lang::Pt].map(|l| c.text(l));
            assert!(en != es && en != pt && es != pt, "{en} / {es} / {pt}");
            assert_eq!(c.to_string(), en);
        }
        assert_eq!(
            ImportText::LeftEmpty(Box::new(ImportText::YearApproximate("ca. 2010".into())))
                .text(Lang::Es),
            "\"ca. 2010\" es aproximado: indique el año que dice una fuente, o déjelo vacío; el campo queda vacío"
        );
    }

    #[test]
    fn every_vocabulary_is_named_in_each_language() {
        for field in [
            "level",
            "budget kind",
            "focus",
            "actor type",
            "evaluation",
            "effect",
            "outcome",
        ] {
            let [en, es, pt] = [Lang::En, Lang::Es, Lang::Pt].map(|l| vocabulary_name(l, field));
            assert!(en != es && en != pt, "{field}: {en} / {es} / {pt}");
        }
    }

    #[test]
    fn report_words() {
        let w = ReportWords { lang: Lang::Es };
        assert_eq!(
            w.summary(3, 2, 1, 2),
            "3 filas: 2 cargadas, 1 rechazada, 2 advertencias"
        );
        assert_eq!(w.place("País", "country"), "columna \"País\" (country)");
        assert_eq!(
            ReportWords { lang: Lang::En }.summary(1, 1, 0, 1),
            "1 row: 1 loaded, 0 rejected, 1 warning"
        );
    }
}
