//! The apply stage: an [`Import`] and a confirmed [`Mapping`] → records and a [`Report`]. Every
//! data row becomes an [`Intervention`] or a rejection with its line, column and reason; cells
//! read differently from how they are written become warnings; ids are settled last (explicit
//! ids first, then generated ones).

use super::read::file_note;
use super::*;

/// The warning for a value that could not be read and was left empty.
fn left_empty(reason: ImportText) -> Option<Note> {
    Some(Note {
        kind: "left-empty",
        message: ImportText::LeftEmpty(Box::new(reason)),
    })
}

/// The id given to a record without one (see the module documentation).
pub fn generated_id(
    country: &str,
    name: &str,
    admin_area: Option<&str>,
    city: Option<&str>,
    start_year: Option<i32>,
) -> String {
    let year = start_year.map(|y| y.to_string()).unwrap_or_default();
    let n = values::norm;
    let h = values::fnv1a(&[
        &n(country),
        &n(name),
        &n(admin_area.unwrap_or("")),
        &n(city.unwrap_or("")),
        &year,
    ]) & 0xff_ffff;
    let country = country.to_ascii_lowercase();
    match values::slug(name, 40) {
        s if s.is_empty() => format!("{country}-{h:06x}"),
        s => format!("{country}-{s}-{h:06x}"),
    }
}

/// `base`, or `base-2`, `base-3`, ... whichever is not used yet; marks it used.
pub(super) fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 1;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone());
    id
}

/// A row converted, waiting for the id pass.
struct Converted {
    record: Intervention,
    line: usize,
    number: usize,
    /// False when the id is to be generated.
    has_id: bool,
}

/// Applying a mapping in steps. Ids are settled in `finish` (explicit ids first, so a generated
/// id never takes an id a later row states).
pub struct Applying {
    import: Import,
    mapping: Mapping,
    plan: Vec<Vec<usize>>,
    pub(super) start: usize,
    pub(super) next: usize,
    pub(super) end: usize,
    converted: Vec<Converted>,
    report: Report,
}

impl Applying {
    pub(super) fn new(import: Import, mapping: Mapping) -> Applying {
        let plan = Field::ALL
            .iter()
            .map(|f| {
                mapping
                    .columns_of(*f)
                    .into_iter()
                    .filter(|j| *j < import.headers.len())
                    .collect()
            })
            .collect();
        let end = import.rows();
        let mut report = Report::default();
        report.warnings.extend(import.notes.iter().cloned());
        for (j, col) in import.columns.iter().enumerate() {
            let mapped = mapping.columns.get(j).copied().flatten();
            // An export's `dataset` column names where the rows came from, and its converted
            // budgets are worked out again from the amounts: nothing is lost.
            if mapped.is_none()
                && col.filled > 0
                && !matches!(col.match_kind, MatchKind::Release | MatchKind::Derived)
            {
                report.warnings.push(Warning {
                    line: import.header_line,
                    record: 0,
                    column: import.column_name(j),
                    field: String::new(),
                    kind: "unmapped-column",
                    message: ImportText::Unmapped(col.filled),
                });
            }
            if let (Some(Field::BudgetAmount), Some(c)) = (mapped, col.currency) {
                report.warnings.push(Warning {
                    line: import.header_line,
                    record: 0,
                    column: import.column_name(j),
                    field: Field::BudgetAmount.key().into(),
                    kind: "header-currency",
                    message: ImportText::HeaderCurrency(c.to_string()),
                });
            }
        }
        if mapping.columns_of(Field::Id).is_empty() && import.rows() > 0 && import.json.is_none() {
            report
                .warnings
                .push(file_note("id-generated", ImportText::NoIdColumn));
        }
        Applying {
            import,
            mapping,
            plan,
            start: 0,
            next: 0,
            end,
            converted: Vec::new(),
            report,
        }
    }

    /// Converts up to `max_rows` more rows; true when all are done.
    pub fn step(&mut self, max_rows: usize) -> bool {
        if self.import.json.is_some() {
            return true;
        }
        let stop = self.end.min(self.next.saturating_add(max_rows.max(1)));
        while self.next < stop {
            let i = self.next;
            self.next += 1;
            self.convert(i);
        }
        self.next >= self.end
    }

    /// From 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.end == 0 || self.import.json.is_some() {
            1.0
        } else {
            (self.next - self.start) as f64 / (self.end - self.start).max(1) as f64
        }
    }

    /// Settles ids and returns the records and the report.
    pub fn finish(mut self) -> Loaded {
        if let Some(loaded) = &self.import.json {
            return (**loaded).clone();
        }
        self.step(usize::MAX);
        let converted = std::mem::take(&mut self.converted);
        let id_col = self.plan[Field::Id as usize]
            .first()
            .map(|j| self.import.column_name(*j))
            .unwrap_or_default();
        let mut keep = vec![true; converted.len()];
        {
            let mut first_line: HashMap<&str, usize> = HashMap::with_capacity(converted.len());
            for (k, c) in converted.iter().enumerate().filter(|(_, c)| c.has_id) {
                if let Some(line) = first_line.get(c.record.id.as_str()) {
                    keep[k] = false;
                    self.report.rejected.push(Rejected {
                        line: c.line,
                        record: c.number,
                        id: Some(c.record.id.clone()),
                        column: id_col.clone(),
                        field: "id".into(),
                        reason: ImportText::DuplicateIdAtLine(*line),
                        also: Vec::new(),
                    });
                } else {
                    first_line.insert(&c.record.id, c.line);
                }
            }
        }
        // Ids already taken, needed only when some are generated.
        let mut used: HashSet<String> = if converted.iter().any(|c| !c.has_id) {
            converted
                .iter()
                .filter(|c| c.has_id)
                .map(|c| c.record.id.clone())
                .collect()
        } else {
            HashSet::new()
        };
        let mut records = Vec::with_capacity(converted.len());
        for (c, keep) in converted.into_iter().zip(keep) {
            if !keep {
                continue;
            }
            let mut record = c.record;
            if !c.has_id {
                let r = &record;
                let base = generated_id(
                    &r.country,
                    &r.name,
                    r.admin_area.as_deref(),
                    r.city.as_deref(),
                    r.start_year,
                );
                record.id = unique_id(&base, &mut used);
                if !self.plan[Field::Id as usize].is_empty() {
                    self.report.warnings.push(Warning {
                        line: c.line,
                        record: c.number,
                        column: id_col.clone(),
                        field: "id".into(),
                        kind: "id-generated",
                        message: ImportText::IdGenerated(record.id.clone()),
                    });
                } else if record.id != base {
                    self.report.warnings.push(Warning {
                        line: c.line,
                        record: c.number,
                        column: String::new(),
                        field: "id".into(),
                        kind: "id-suffix",
                        message: ImportText::IdSuffix(record.id.clone()),
                    });
                }
            }
            records.push(record);
        }
        self.report.rejected.sort_by_key(|r| r.record);
        // File notes (line 0) and the header first, then rows in file order (stable sort).
        self.report.warnings.sort_by_key(|w| w.line);
        self.report.rows = self.end - self.start;
        self.report.accepted = records.len();
        Loaded {
            records,
            studies: Vec::new(),
            report: self.report,
        }
    }

    /// Converts data row `i`.
    fn convert(&mut self, i: usize) {
        let k = self.import.first_row + i;
        let table = Arc::clone(&self.import.table);
        let line = table.line(k);
        let number = i + 1;
        let mut row = RowReader {
            import: &self.import,
            table: &table,
            k,
            line,
            number,
            decimal: self.mapping.decimal,
            plan: &self.plan,
            problems: Vec::new(),
            warnings: Vec::new(),
        };
        let record = row.record();
        let RowReader {
            problems, warnings, ..
        } = row;
        self.report.warnings.extend(warnings);
        match (record, problems.is_empty()) {
            (Some((record, has_id)), true) => self.converted.push(Converted {
                record,
                line,
                number,
                has_id,
            }),
            _ => {
                let mut problems = problems.into_iter();
                let first = problems.next().unwrap_or(Problem {
                    column: String::new(),
                    field: String::new(),
                    reason: ImportText::CouldNotBeRead,
                });
                let id = self.plan[Field::Id as usize]
                    .first()
                    .map(|j| table.cell(k, *j).trim().to_owned())
                    .filter(|s| !s.is_empty());
                self.report.rejected.push(Rejected {
                    line,
                    record: number,
                    id,
                    column: first.column,
                    field: first.field,
                    reason: first.reason,
                    also: problems.collect(),
                });
            }
        }
    }
}

/// Reads the cells of one row into a record, collecting problems and warnings.
struct RowReader<'a> {
    import: &'a Import,
    table: &'a Table,
    k: usize,
    line: usize,
    number: usize,
    decimal: Decimal,
    plan: &'a [Vec<usize>],
    problems: Vec<Problem>,
    warnings: Vec<Warning>,
}

impl<'a> RowReader<'a> {
    fn problem(&mut self, j: Option<usize>, field: Field, reason: ImportText) {
        let column = j.map(|j| self.import.column_name(j)).unwrap_or_default();
        self.problems.push(Problem {
            column,
            field: field.key().into(),
            reason,
        });
    }

    fn warn(&mut self, j: Option<usize>, field: Field, note: Option<Note>) {
        if let Some(n) = note {
            let column = j.map(|j| self.import.column_name(j)).unwrap_or_default();
            self.warnings.push(Warning {
                line: self.line,
                record: self.number,
                column,
                field: field.key().into(),
                kind: n.kind,
                message: n.message,
            });
        }
    }

    /// The one non-blank cell of a single-valued field; "not stated" markers read as blank.
    fn single(&mut self, field: Field) -> Option<(usize, &'a str)> {
        let table = self.table;
        let mut found: Option<(usize, &str)> = None;
        for &j in &self.plan[field as usize] {
            let cell = table.cell(self.k, j).trim();
            if cell.is_empty() {
                continue;
            }
            if values::is_not_stated(cell) && !is_vocab_value(field, cell) {
                self.warn(Some(j), field, values::not_stated_note(cell));
                continue;
            }
            match found {
                None => found = Some((j, cell)),
                Some((j0, c0)) if c0 != cell => {
                    let (a, b) = (self.import.column_name(j0), self.import.column_name(j));
                    self.problem(
                        Some(j),
                        field,
                        ImportText::ColumnsDisagree {
                            first_column: a,
                            second_column: b,
                            first: c0.to_owned(),
                            second: cell.to_owned(),
                        },
                    );
                }
                Some(_) => {}
            }
        }
        found
    }

    fn text(&mut self, field: Field) -> Option<String> {
        self.single(field).map(|(_, s)| s.to_owned())
    }

    fn vocab<T: Vocab>(&mut self, field: Field) -> Option<T> {
        let (j, cell) = self.single(field)?;
        match values::parse_vocab::<T>(cell) {
            Ok((v, note)) => {
                self.warn(Some(j), field, note);
                Some(v)
            }
            Err(e) => {
                self.problem(Some(j), field, e);
                None
            }
        }
    }

    /// The field's non-empty cells, with their columns; a "not stated" marker is warned about
    /// and left out.
    fn stated_cells(&mut self, field: Field) -> Vec<(usize, &'a str)> {
        let table = self.table;
        let mut out = Vec::new();
        for j in self.plan[field as usize].clone() {
            let cell = table.cell(self.k, j).trim();
            if values::is_not_stated(cell) {
                self.warn(Some(j), field, values::not_stated_note(cell));
            } else if !cell.is_empty() {
                out.push((j, cell));
            }
        }
        out
    }

    fn vocab_list<T: Vocab>(&mut self, field: Field) -> Vec<T> {
        let mut out: Vec<T> = Vec::new();
        for (j, cell) in self.stated_cells(field) {
            for item in values::split_values(cell) {
                match values::parse_vocab::<T>(item) {
                    Ok((v, note)) => {
                        self.warn(Some(j), field, note);
                        if out.contains(&v) {
                            self.warn(
                                Some(j),
                                field,
                                Some(Note {
                                    kind: "duplicate-value",
                                    message: ImportText::ListedTwice(v.key().to_owned()),
                                }),
                            );
                        } else {
                            out.push(v);
                        }
                    }
                    Err(e) => self.problem(Some(j), field, e),
                }
            }
        }
        out
    }

    fn year(&mut self, field: Field) -> Option<(usize, i32)> {
        let (j, cell) = self.single(field)?;
        match values::parse_year(cell) {
            Ok((y, note)) if PLAUSIBLE_YEARS.contains(&y) => {
                self.warn(Some(j), field, note);
                Some((j, y))
            }
            Ok((y, _)) => {
                self.problem(Some(j), field, ImportText::NotPlausibleYear(y));
                None
            }
            // A year that cannot be read ("ca. 2010") leaves the field empty; the row loads.
            Err(e) => {
                self.warn(Some(j), field, left_empty(e));
                None
            }
        }
    }

    fn amount(&mut self, field: Field) -> Option<(usize, values::Amount)> {
        let (j, cell) = self.single(field)?;
        match values::parse_amount(cell, self.decimal) {
            Ok(mut a) => {
                let note = a.note.take();
                self.warn(Some(j), field, note);
                Some((j, a))
            }
            // An amount that cannot be read leaves the budget empty; the row loads.
            Err(e) => {
                self.warn(Some(j), field, left_empty(e));
                None
            }
        }
    }

    fn actors(&mut self, field: Field) -> Vec<Actor> {
        let mut out = Vec::new();
        for (j, cell) in self.stated_cells(field) {
            for item in values::split_actors(cell) {
                match values::parse_actor(item) {
                    Ok((name, kind, note)) => {
                        self.warn(Some(j), field, note);
                        out.push(Actor { name, kind });
                    }
                    Err(e) => self.problem(Some(j), field, e),
                }
            }
        }
        out
    }

    fn sources(&mut self) -> Vec<String> {
        let field = Field::Sources;
        let mut out = Vec::new();
        for (j, cell) in self.stated_cells(field) {
            for item in values::split_sources(cell) {
                if web_link(item) {
                    out.push(item.to_owned());
                } else if item.to_ascii_lowercase().starts_with("www.")
                    && is_web_link(&format!("https://{item}"))
                {
                    let url = format!("https://{item}");
                    self.warn(
                        Some(j),
                        field,
                        Some(Note {
                            kind: "url-scheme",
                            message: ImportText::ReadAs(item.to_owned(), url.clone()),
                        }),
                    );
                    out.push(url);
                } else {
                    self.problem(Some(j), field, ImportText::NotAUrl(truncate(item, 80)));
                }
            }
        }
        out
    }

    /// The record, and whether it stated its id; `None` when a required field is missing.
    fn record(&mut self) -> Option<(Intervention, bool)> {
        let width = self.table.width(self.k);
        let headers = self.import.headers.len();
        if width > headers {
            let extra: Vec<&str> = (headers..width)
                .map(|j| self.table.cell(self.k, j))
                .filter(|c| !c.trim().is_empty())
                .collect();
            if !extra.is_empty() {
                self.problems.push(Problem {
                    column: String::new(),
                    field: String::new(),
                    reason: ImportText::ExtraCells {
                        width,
                        headers,
                        extra: truncate(&extra.join("\", \""), 60),
                    },
                });
            }
        } else if width < headers && width > 0 {
            self.warnings.push(Warning {
                line: self.line,
                record: self.number,
                column: String::new(),
                field: String::new(),
                kind: "short-row",
                message: ImportText::ShortRow { width, headers },
            });
        }
        if self.table.extra_lines(self.k) > 20 {
            self.warnings.push(Warning {
                line: self.line,
                record: self.number,
                column: String::new(),
                field: String::new(),
                kind: "long-cell",
                message: ImportText::LongCell(self.table.extra_lines(self.k) + 1),
            });
        }

        let id = self.text(Field::Id);
        let name = self.text(Field::Name);
        let description = self.text(Field::Description);
        let country = match self.single(Field::Country) {
            Some((j, cell)) => match countries::match_country(cell) {
                Ok(m) => {
                    let note = match &m {
                        CountryMatch::Code(c) if cell == *c => None,
                        CountryMatch::Code(c) => Some(Note {
                            kind: "country-code",
                            message: ImportText::ReadAs(cell.to_owned(), c.to_string()),
                        }),
                        CountryMatch::Alpha2(c) => Some(Note {
                            kind: "country-code",
                            message: ImportText::ReadAsAlpha2(cell.to_owned(), c.to_string()),
                        }),
                        CountryMatch::Name(c) => Some(Note {
                            kind: "country-name",
                            message: ImportText::ReadAs(cell.to_owned(), c.to_string()),
                        }),
                    };
                    self.warn(Some(j), Field::Country, note);
                    Some(m.code().to_owned())
                }
                Err(e) => {
                    self.problem(Some(j), Field::Country, e);
                    None
                }
            },
            None => None,
        };
        let admin_area = self.text(Field::AdminArea);
        let city = self.text(Field::City);
        let level = self.vocab(Field::Level);
        let focus = self.vocab_list(Field::Focus);
        let start = self.year(Field::StartYear);
        let end = self.year(Field::EndYear);
        let implementers = self.actors(Field::Implementers);
        let funders = self.actors(Field::Funders);
        let amount = self.amount(Field::BudgetAmount);
        let currency_cell = match self.single(Field::BudgetCurrency) {
            Some((j, cell)) => match values::parse_currency(cell) {
                Ok((c, note)) => {
                    self.warn(Some(j), Field::BudgetCurrency, note);
                    Some((j, c))
                }
                Err(e) => {
                    self.problem(Some(j), Field::BudgetCurrency, e);
                    None
                }
            },
            None => None,
        };
        let budget_year = self.year(Field::BudgetYear).map(|(_, y)| y);
        let usd = self.amount(Field::BudgetUsd);
        let budget_kind = self.vocab(Field::BudgetKind);
        let evaluation = self.vocab(Field::Evaluation);
        let effect = self.vocab(Field::Effect);
        let outcomes = self.vocab_list(Field::Outcomes);
        let sources = self.sources();

        // Budget: the currency a cell's mark or the header states, and budget_usd.
        let mut currency = currency_cell.as_ref().map(|(_, c)| c.clone());
        let amount_col = amount.as_ref().map(|(j, _)| *j);
        if let Some((j, a)) = &amount {
            let stated = a
                .currency
                .or(self.import.columns.get(*j).and_then(|c| c.currency));
            match (&currency, stated) {
                (None, Some(c)) => currency = Some(c.to_owned()),
                (Some(cur), Some(c)) if cur != c => {
                    let j = *j;
                    self.problem(
                        Some(j),
                        Field::BudgetAmount,
                        ImportText::AmountCurrencyMismatch {
                            amount: c.to_string(),
                            column: cur.to_string(),
                        },
                    );
                }
                _ => {}
            }
        }
        let mut budget_amount = amount.map(|(_, a)| a.value);
        let mut budget_usd = None;
        if let Some((j, a)) = usd {
            match a.currency {
                Some(c) if c != "USD" => self.problem(
                    Some(j),
                    Field::BudgetUsd,
                    ImportText::UsdInOtherCurrency(c.to_string()),
                ),
                _ => budget_usd = Some(a.value),
            }
            if budget_amount.is_none() && currency.is_none() {
                budget_amount = budget_usd;
                currency = budget_usd.map(|_| "USD".to_owned());
                self.warn(
                    Some(j),
                    Field::BudgetAmount,
                    Some(Note {
                        kind: "budget-from-usd",
                        message: ImportText::BudgetFromUsd,
                    }),
                );
            }
        } else if currency.as_deref() == Some("USD") && budget_amount.is_some() {
            budget_usd = budget_amount;
            self.warn(
                amount_col,
                Field::BudgetUsd,
                Some(Note {
                    kind: "usd-from-amount",
                    message: ImportText::UsdFromAmount,
                }),
            );
        }

        if let (Some((_, s)), Some((j, e))) = (start, end) {
            if e < s {
                self.problem(
                    Some(j),
                    Field::EndYear,
                    ImportText::EndsBeforeStarts(e.to_string(), s.to_string()),
                );
            }
        }
        let name = match name {
            Some(n) => Some(n),
            None => {
                let reason = if self.plan[Field::Name as usize].is_empty() {
                    ImportText::NameNotMapped
                } else {
                    ImportText::NameEmpty
                };
                let j = self.plan[Field::Name as usize].first().copied();
                self.problem(j, Field::Name, reason);
                None
            }
        };
        if country.is_none() && self.single_is_blank(Field::Country) {
            let reason = if self.plan[Field::Country as usize].is_empty() {
                ImportText::CountryNotMapped
            } else {
                ImportText::CountryEmpty
            };
            let j = self.plan[Field::Country as usize].first().copied();
            self.problem(j, Field::Country, reason);
        }
        if !self.problems.is_empty() {
            return None;
        }
        let has_id = id.is_some();
        Some((
            Intervention {
                id: id.unwrap_or_default(),
                name: name?,
                description,
                country: country?,
                admin_area,
                city,
                level,
                focus,
                start_year: start.map(|(_, y)| y),
                end_year: end.map(|(_, y)| y),
                implementers,
                funders,
                budget_amount,
                budget_currency: currency,
                budget_year,
                budget_usd,
                budget_kind,
                evaluation,
                effect,
                outcomes,
                sources: sources
                    .into_iter()
                    .map(crate::model::Source::from_url)
                    .collect(),
                verdicts: vec![],
            },
            has_id,
        ))
    }

    /// True when no column of `field` has a usable cell in this row.
    fn single_is_blank(&self, field: Field) -> bool {
        self.plan[field as usize].iter().all(|&j| {
            let c = self.table.cell(self.k, j).trim();
            c.is_empty() || values::is_not_stated(c)
        })
    }
}

/// `model::is_web_link`, without its allocation for the usual `https://host/...` (the items
/// come from `split_sources`, so they hold no whitespace).
fn web_link(url: &str) -> bool {
    match url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') => {
            !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        _ => is_web_link(url),
    }
}

/// "none" and "unknown" are values of evaluation and effect, not "not stated".
fn is_vocab_value(field: Field, cell: &str) -> bool {
    match field {
        Field::Evaluation => values::parse_vocab::<crate::model::Evaluation>(cell).is_ok(),
        Field::Effect => values::parse_vocab::<crate::model::Effect>(cell).is_ok(),
        _ => false,
    }
}
