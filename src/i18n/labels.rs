//! Labels of vocabulary values (focus areas, levels, effects, outcomes, actor types, regions,
//! event kinds...), facet titles and country names, in each language.

use super::{evidence, text, Lang, Msg};
use crate::country::english_name;
use crate::model::*;
use crate::selection::{Facet, NOT_STATED};

/// The heading of a facet.
pub fn facet_title(lang: Lang, facet: Facet) -> &'static str {
    text(
        lang,
        match facet {
            Facet::Country => Msg::Country,
            Facet::Region => return region_title(lang),
            Facet::Focus => Msg::Focus,
            Facet::Level => Msg::Level,
            Facet::Funder => Msg::FunderType,
            Facet::Evaluation => Msg::Evaluation,
            Facet::Effect => Msg::Effect,
            Facet::Outcome => Msg::Outcomes,
            Facet::Finding => return evidence::text(lang, evidence::Ev::Finding),
        },
    )
}

/// The label of a facet value (a country name, a vocabulary label, or "Not stated").
pub fn value_label(lang: Lang, facet: Facet, key: &str) -> String {
    if key == NOT_STATED {
        return text(lang, Msg::NotStated).to_owned();
    }
    let label = match facet {
        Facet::Country => return country_name(lang, key),
        Facet::Region => Region::from_key(key).map(|v| region_label(lang, v)),
        Facet::Focus => Focus::from_key(key).map(|v| focus_label(lang, v)),
        Facet::Level => Level::from_key(key).map(|v| level_label(lang, v)),
        Facet::Funder => ActorType::from_key(key).map(|v| actor_type_label(lang, v)),
        Facet::Evaluation => Evaluation::from_key(key).map(|v| evaluation_label(lang, v)),
        Facet::Effect => Effect::from_key(key).map(|v| effect_label(lang, v)),
        Facet::Outcome => Outcome::from_key(key).map(|v| outcome_label(lang, v)),
        Facet::Finding => {
            // "homicide:improved" → "Homicide: improved".
            let parsed = key
                .split_once(':')
                .and_then(|(o, d)| Some((Outcome::from_key(o)?, Direction::from_key(d)?)));
            return match parsed {
                Some((o, d)) => format!(
                    "{}: {}",
                    outcome_label(lang, o),
                    evidence::direction_label(lang, d).to_lowercase()
                ),
                None => key.to_owned(),
            };
        }
    };
    label.map_or_else(|| key.to_owned(), str::to_owned)
}

/// The name of a country or territory (ISO 3166-1 alpha-3) in the language; the English name
/// where no translation is recorded, and the code itself where the code is unknown.
pub fn country_name(lang: Lang, code: &str) -> String {
    let translated = match lang {
        Lang::En => None,
        Lang::Es => translated_country(code).map(|(es, _)| es),
        Lang::Pt => translated_country(code).map(|(_, pt)| pt),
    };
    translated
        .or_else(|| english_name(code))
        .map_or_else(|| code.to_owned(), str::to_owned)
}

/// Spanish and Portuguese names of the countries and territories of Latin America and the
/// Caribbean, and of a few others that fund or host work there. Sorted by code.
pub(super) const COUNTRY_NAMES: &[(&str, &str, &str)] = &[
    ("ABW", "Aruba", "Aruba"),
    ("AIA", "Anguila", "Anguila"),
    ("ARG", "Argentina", "Argentina"),
    ("ATG", "Antigua y Barbuda", "Antígua e Barbuda"),
    ("BES", "Caribe Neerlandés", "Caribe Neerlandês"),
    ("BHS", "Bahamas", "Bahamas"),
    ("BLM", "San Bartolomé", "São Bartolomeu"),
    ("BLZ", "Belice", "Belize"),
    ("BOL", "Bolivia", "Bolívia"),
    ("BRA", "Brasil", "Brasil"),
    ("BRB", "Barbados", "Barbados"),
    ("CAN", "Canadá", "Canadá"),
    ("CHL", "Chile", "Chile"),
    ("COL", "Colombia", "Colômbia"),
    ("CRI", "Costa Rica", "Costa Rica"),
    ("CUB", "Cuba", "Cuba"),
    ("CUW", "Curazao", "Curaçao"),
    ("CYM", "Islas Caimán", "Ilhas Cayman"),
    ("DMA", "Dominica", "Dominica"),
    ("DOM", "República Dominicana", "República Dominicana"),
    ("ECU", "Ecuador", "Equador"),
    ("ESP", "España", "Espanha"),
    ("FLK", "Islas Malvinas", "Ilhas Malvinas"),
    ("FRA", "Francia", "França"),
    ("GBR", "Reino Unido", "Reino Unido"),
    ("GLP", "Guadalupe", "Guadalupe"),
    ("GRD", "Granada", "Granada"),
    ("GTM", "Guatemala", "Guatemala"),
    ("GUF", "Guayana Francesa", "Guiana Francesa"),
    ("GUY", "Guyana", "Guiana"),
    ("HND", "Honduras", "Honduras"),
    ("HTI", "Haití", "Haiti"),
    ("JAM", "Jamaica", "Jamaica"),
    ("KNA", "San Cristóbal y Nieves", "São Cristóvão e Névis"),
    ("LCA", "Santa Lucía", "Santa Lúcia"),
    (
        "MAF",
        "San Martín (parte francesa)",
        "São Martinho (parte francesa)",
    ),
    ("MEX", "México", "México"),
    ("MSR", "Montserrat", "Montserrat"),
    ("MTQ", "Martinica", "Martinica"),
    ("NIC", "Nicaragua", "Nicarágua"),
    ("NLD", "Países Bajos", "Países Baixos"),
    ("PAN", "Panamá", "Panamá"),
    ("PER", "Perú", "Peru"),
    ("PRI", "Puerto Rico", "Porto Rico"),
    ("PRT", "Portugal", "Portugal"),
    ("PRY", "Paraguay", "Paraguai"),
    ("SLV", "El Salvador", "El Salvador"),
    ("SUR", "Surinam", "Suriname"),
    ("SXM", "Sint Maarten", "Sint Maarten"),
    ("TCA", "Islas Turcas y Caicos", "Ilhas Turcas e Caicos"),
    ("TTO", "Trinidad y Tobago", "Trinidad e Tobago"),
    ("URY", "Uruguay", "Uruguai"),
    ("USA", "Estados Unidos", "Estados Unidos"),
    (
        "VCT",
        "San Vicente y las Granadinas",
        "São Vicente e Granadinas",
    ),
    ("VEN", "Venezuela", "Venezuela"),
    (
        "VGB",
        "Islas Vírgenes Británicas",
        "Ilhas Virgens Britânicas",
    ),
    (
        "VIR",
        "Islas Vírgenes de los Estados Unidos",
        "Ilhas Virgens Americanas",
    ),
    ("ZAF", "Sudáfrica", "África do Sul"),
];

/// The (Spanish, Portuguese) names of a code, if recorded.
pub(super) fn translated_country(code: &str) -> Option<(&'static str, &'static str)> {
    COUNTRY_NAMES
        .binary_search_by(|(c, _, _)| (*c).cmp(code))
        .ok()
        .map(|i| (COUNTRY_NAMES[i].1, COUNTRY_NAMES[i].2))
}

pub fn focus_label(lang: Lang, v: Focus) -> &'static str {
    match (lang, v) {
        (Lang::En, Focus::Policing) => "Policing",
        (Lang::En, Focus::Justice) => "Justice",
        (Lang::En, Focus::Prisons) => "Prisons and reintegration",
        (Lang::En, Focus::Youth) => "Youth violence prevention",
        (Lang::En, Focus::Community) => "Community prevention",
        (Lang::En, Focus::Urban) => "Urban upgrading",
        (Lang::En, Focus::Gender) => "Violence against women",
        (Lang::En, Focus::Firearms) => "Firearms",
        (Lang::En, Focus::Drugs) => "Drugs",
        (Lang::En, Focus::Information) => "Crime information",
        (Lang::En, Focus::Institutions) => "Institutional reform",
        (Lang::En, Focus::OrganizedCrime) => "Organised crime",
        (Lang::Es, Focus::Policing) => "Policía",
        (Lang::Es, Focus::Justice) => "Justicia",
        (Lang::Es, Focus::Prisons) => "Cárceles y reinserción social",
        (Lang::Es, Focus::Youth) => "Prevención de la violencia juvenil",
        (Lang::Es, Focus::Community) => "Prevención comunitaria",
        (Lang::Es, Focus::Urban) => "Mejoramiento urbano",
        (Lang::Es, Focus::Gender) => "Violencia contra las mujeres",
        (Lang::Es, Focus::Firearms) => "Armas de fuego",
        (Lang::Es, Focus::Drugs) => "Drogas",
        (Lang::Es, Focus::Information) => "Información delictiva",
        (Lang::Es, Focus::Institutions) => "Reforma institucional",
        (Lang::Es, Focus::OrganizedCrime) => "Crimen organizado",
        (Lang::Pt, Focus::Policing) => "Policiamento",
        (Lang::Pt, Focus::Justice) => "Justiça",
        (Lang::Pt, Focus::Prisons) => "Prisões e reinserção social",
        (Lang::Pt, Focus::Youth) => "Prevenção da violência juvenil",
        (Lang::Pt, Focus::Community) => "Prevenção comunitária",
        (Lang::Pt, Focus::Urban) => "Requalificação urbana",
        (Lang::Pt, Focus::Gender) => "Violência contra as mulheres",
        (Lang::Pt, Focus::Firearms) => "Armas de fogo",
        (Lang::Pt, Focus::Drugs) => "Drogas",
        (Lang::Pt, Focus::Information) => "Informação criminal",
        (Lang::Pt, Focus::Institutions) => "Reforma institucional",
        (Lang::Pt, Focus::OrganizedCrime) => "Crime organizado",
    }
}

/// What a budget figure is, as the detail panel and the table say it.
pub fn budget_kind_label(lang: Lang, v: BudgetKind) -> &'static str {
    match (lang, v) {
        (Lang::En, BudgetKind::Programme) => "programme cost",
        (Lang::En, BudgetKind::Loan) => "loan",
        (Lang::En, BudgetKind::Grant) => "grant",
        (Lang::Es, BudgetKind::Programme) => "costo del programa",
        (Lang::Es, BudgetKind::Loan) => "préstamo",
        (Lang::Es, BudgetKind::Grant) => "donación",
        (Lang::Pt, BudgetKind::Programme) => "custo do programa",
        (Lang::Pt, BudgetKind::Loan) => "empréstimo",
        (Lang::Pt, BudgetKind::Grant) => "doação",
    }
}

pub fn level_label(lang: Lang, v: Level) -> &'static str {
    match (lang, v) {
        (Lang::En, Level::National) => "National",
        (Lang::En, Level::Subnational) => "State or province",
        (Lang::En, Level::Municipal) => "Municipal",
        (Lang::En, Level::Regional) => "Multi-country",
        (Lang::Es, Level::National) => "Nacional",
        (Lang::Es, Level::Subnational) => "Estado o provincia",
        (Lang::Es, Level::Municipal) => "Municipal",
        (Lang::Es, Level::Regional) => "Varios países",
        (Lang::Pt, Level::National) => "Nacional",
        (Lang::Pt, Level::Subnational) => "Estado ou província",
        (Lang::Pt, Level::Municipal) => "Municipal",
        (Lang::Pt, Level::Regional) => "Vários países",
    }
}

pub fn actor_type_label(lang: Lang, v: ActorType) -> &'static str {
    match (lang, v) {
        (Lang::En, ActorType::NationalGovernment) => "National government",
        (Lang::En, ActorType::SubnationalGovernment) => "Subnational government",
        (Lang::En, ActorType::Multilateral) => "Multilateral agency",
        (Lang::En, ActorType::Bilateral) => "Bilateral agency",
        (Lang::En, ActorType::Foundation) => "Foundation",
        (Lang::En, ActorType::PrivateSector) => "Private sector",
        (Lang::En, ActorType::CivilSociety) => "Civil society",
        (Lang::En, ActorType::Academic) => "Academic",
        (Lang::Es, ActorType::NationalGovernment) => "Gobierno nacional",
        (Lang::Es, ActorType::SubnationalGovernment) => "Gobierno subnacional",
        (Lang::Es, ActorType::Multilateral) => "Organismo multilateral",
        (Lang::Es, ActorType::Bilateral) => "Agencia bilateral",
        (Lang::Es, ActorType::Foundation) => "Fundación",
        (Lang::Es, ActorType::PrivateSector) => "Sector privado",
        (Lang::Es, ActorType::CivilSociety) => "Sociedad civil",
        (Lang::Es, ActorType::Academic) => "Academia",
        (Lang::Pt, ActorType::NationalGovernment) => "Governo nacional",
        (Lang::Pt, ActorType::SubnationalGovernment) => "Governo subnacional",
        (Lang::Pt, ActorType::Multilateral) => "Organismo multilateral",
        (Lang::Pt, ActorType::Bilateral) => "Agência bilateral",
        (Lang::Pt, ActorType::Foundation) => "Fundação",
        (Lang::Pt, ActorType::PrivateSector) => "Setor privado",
        (Lang::Pt, ActorType::CivilSociety) => "Sociedade civil",
        (Lang::Pt, ActorType::Academic) => "Academia",
    }
}

pub fn evaluation_label(lang: Lang, v: Evaluation) -> &'static str {
    match (lang, v) {
        (Lang::En, Evaluation::None) => "Not evaluated",
        (Lang::En, Evaluation::Monitoring) => "Monitoring only",
        (Lang::En, Evaluation::Process) => "Process evaluation",
        (Lang::En, Evaluation::QuasiExperimental) => "Quasi-experimental",
        (Lang::En, Evaluation::Experimental) => "Randomised trial",
        (Lang::Es, Evaluation::None) => "No evaluada",
        (Lang::Es, Evaluation::Monitoring) => "Solo monitoreo",
        (Lang::Es, Evaluation::Process) => "Evaluación de proceso",
        (Lang::Es, Evaluation::QuasiExperimental) => "Evaluación cuasi-experimental",
        (Lang::Es, Evaluation::Experimental) => "Ensayo aleatorio",
        (Lang::Pt, Evaluation::None) => "Não avaliada",
        (Lang::Pt, Evaluation::Monitoring) => "Apenas monitoramento",
        (Lang::Pt, Evaluation::Process) => "Avaliação de processo",
        (Lang::Pt, Evaluation::QuasiExperimental) => "Avaliação quase-experimental",
        (Lang::Pt, Evaluation::Experimental) => "Ensaio randomizado",
    }
}

pub fn effect_label(lang: Lang, v: Effect) -> &'static str {
    match (lang, v) {
        (Lang::En, Effect::Effective) => "Effective",
        (Lang::En, Effect::Promising) => "Promising",
        (Lang::En, Effect::Mixed) => "Mixed",
        (Lang::En, Effect::NoEffect) => "No effect",
        (Lang::En, Effect::Harmful) => "Harmful",
        (Lang::En, Effect::Unknown) => "Inconclusive",
        (Lang::Es, Effect::Effective) => "Efectiva",
        (Lang::Es, Effect::Promising) => "Prometedora",
        (Lang::Es, Effect::Mixed) => "Resultados mixtos",
        (Lang::Es, Effect::NoEffect) => "Sin efecto",
        (Lang::Es, Effect::Harmful) => "Perjudicial",
        (Lang::Es, Effect::Unknown) => "No concluyente",
        (Lang::Pt, Effect::Effective) => "Efetiva",
        (Lang::Pt, Effect::Promising) => "Promissora",
        (Lang::Pt, Effect::Mixed) => "Resultados mistos",
        (Lang::Pt, Effect::NoEffect) => "Sem efeito",
        (Lang::Pt, Effect::Harmful) => "Prejudicial",
        (Lang::Pt, Effect::Unknown) => "Inconclusiva",
    }
}

pub fn outcome_label(lang: Lang, v: Outcome) -> &'static str {
    match (lang, v) {
        (Lang::En, Outcome::Homicide) => "Homicide",
        (Lang::En, Outcome::ViolentCrime) => "Violent crime",
        (Lang::En, Outcome::PropertyCrime) => "Property crime",
        (Lang::En, Outcome::Victimization) => "Victimisation",
        (Lang::En, Outcome::Perception) => "Perception of safety",
        (Lang::En, Outcome::Recidivism) => "Recidivism",
        (Lang::En, Outcome::GenderViolence) => "Gender-based violence",
        (Lang::En, Outcome::YouthOutcomes) => "Youth outcomes",
        (Lang::En, Outcome::Trust) => "Trust in institutions",
        (Lang::En, Outcome::Other) => "Other",
        (Lang::Es, Outcome::Homicide) => "Homicidios",
        (Lang::Es, Outcome::ViolentCrime) => "Delitos violentos",
        (Lang::Es, Outcome::PropertyCrime) => "Delitos contra la propiedad",
        (Lang::Es, Outcome::Victimization) => "Victimización",
        (Lang::Es, Outcome::Perception) => "Percepción de seguridad",
        (Lang::Es, Outcome::Recidivism) => "Reincidencia",
        (Lang::Es, Outcome::GenderViolence) => "Violencia de género",
        (Lang::Es, Outcome::YouthOutcomes) => "Resultados en jóvenes",
        (Lang::Es, Outcome::Trust) => "Confianza en las instituciones",
        (Lang::Es, Outcome::Other) => "Otros",
        (Lang::Pt, Outcome::Homicide) => "Homicídios",
        (Lang::Pt, Outcome::ViolentCrime) => "Crimes violentos",
        (Lang::Pt, Outcome::PropertyCrime) => "Crimes contra o patrimônio",
        (Lang::Pt, Outcome::Victimization) => "Vitimização",
        (Lang::Pt, Outcome::Perception) => "Percepção de segurança",
        (Lang::Pt, Outcome::Recidivism) => "Reincidência",
        (Lang::Pt, Outcome::GenderViolence) => "Violência de gênero",
        (Lang::Pt, Outcome::YouthOutcomes) => "Resultados para jovens",
        (Lang::Pt, Outcome::Trust) => "Confiança nas instituições",
        (Lang::Pt, Outcome::Other) => "Outros",
    }
}

pub fn event_kind_label(lang: Lang, v: EventKind) -> &'static str {
    match (lang, v) {
        (Lang::En, EventKind::PolicyDialogue) => "Policy dialogue",
        (Lang::En, EventKind::Clinic) => "Clinic",
        (Lang::En, EventKind::Conference) => "Conference",
        (Lang::En, EventKind::Forum) => "Forum",
        (Lang::En, EventKind::Seminar) => "Seminar",
        (Lang::En, EventKind::Webinar) => "Webinar",
        (Lang::En, EventKind::FieldVisit) => "Field visit",
        (Lang::Es, EventKind::PolicyDialogue) => "Diálogo de políticas",
        (Lang::Es, EventKind::Clinic) => "Clínica",
        (Lang::Es, EventKind::Conference) => "Conferencia",
        (Lang::Es, EventKind::Forum) => "Foro",
        (Lang::Es, EventKind::Seminar) => "Seminario",
        (Lang::Es, EventKind::Webinar) => "Webinario",
        (Lang::Es, EventKind::FieldVisit) => "Visita de campo",
        (Lang::Pt, EventKind::PolicyDialogue) => "Diálogo de políticas",
        (Lang::Pt, EventKind::Clinic) => "Clínica",
        (Lang::Pt, EventKind::Conference) => "Conferência",
        (Lang::Pt, EventKind::Forum) => "Fórum",
        (Lang::Pt, EventKind::Seminar) => "Seminário",
        (Lang::Pt, EventKind::Webinar) => "Webinar",
        (Lang::Pt, EventKind::FieldVisit) => "Visita de campo",
    }
}

pub fn access_label(lang: Lang, v: Access) -> &'static str {
    match (lang, v) {
        (Lang::En, Access::Open) => "Open",
        (Lang::En, Access::Registration) => "Open, with registration",
        (Lang::En, Access::Invitation) => "By invitation",
        (Lang::En, Access::Closed) => "Closed-door",
        (Lang::Es, Access::Open) => "Abierto",
        (Lang::Es, Access::Registration) => "Abierto, con inscripción",
        (Lang::Es, Access::Invitation) => "Por invitación",
        (Lang::Es, Access::Closed) => "A puerta cerrada",
        (Lang::Pt, Access::Open) => "Aberto",
        (Lang::Pt, Access::Registration) => "Aberto, com inscrição",
        (Lang::Pt, Access::Invitation) => "Por convite",
        (Lang::Pt, Access::Closed) => "A portas fechadas",
    }
}

/// The region facet's title.
pub fn region_title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Region",
        Lang::Es => "Región",
        Lang::Pt => "Região",
    }
}

/// A region's name.
pub fn region_label(lang: Lang, v: Region) -> &'static str {
    use Region::*;
    match (lang, v) {
        (Lang::En, CentralAmerica) => "Central America",
        (Lang::En, Mexico) => "Mexico",
        (Lang::En, Caribbean) => "Caribbean",
        (Lang::En, Andean) => "Andean countries",
        (Lang::En, Brazil) => "Brazil",
        (Lang::En, SouthernCone) => "Southern Cone",
        (Lang::Es, CentralAmerica) => "Centroamérica",
        (Lang::Es, Mexico) => "México",
        (Lang::Es, Caribbean) => "Caribe",
        (Lang::Es, Andean) => "Países andinos",
        (Lang::Es, Brazil) => "Brasil",
        (Lang::Es, SouthernCone) => "Cono Sur",
        (Lang::Pt, CentralAmerica) => "América Central",
        (Lang::Pt, Mexico) => "México",
        (Lang::Pt, Caribbean) => "Caribe",
        (Lang::Pt, Andean) => "Países andinos",
        (Lang::Pt, Brazil) => "Brasil",
        (Lang::Pt, SouthernCone) => "Cone Sul",
    }
}
