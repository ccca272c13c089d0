//! Reading vocabulary values: each closed vocabulary of the model (level, focus, actor type,
//! evaluation, effect, outcome, budget kind) with the keys and the labels people write for its
//! values, in English, Spanish and Portuguese, the interface's own labels included. A label that
//! could mean two values is rejected with the candidates.

use super::values::{norm, Note};
use crate::i18n::import::ImportText;
use crate::model::{ActorType, BudgetKind, Effect, Evaluation, Focus, Level, Outcome};
use std::collections::HashMap;
use std::sync::OnceLock;

fn note(kind: &'static str, message: ImportText) -> Option<Note> {
    Some(Note { kind, message })
}

/// A closed vocabulary of the model, with the labels people write for its values.
pub trait Vocab: Copy + PartialEq + 'static {
    /// The schema's field name, for messages.
    const FIELD: &'static str;
    fn all() -> &'static [Self];
    fn key(self) -> &'static str;
    /// `(label, key)`: labels in English, Spanish and Portuguese (any case and accents).
    const LABELS: &'static [(&'static str, &'static str)];
    /// Labels that could mean several values: `(label, keys)`.
    const AMBIGUOUS: &'static [(&'static str, &'static [&'static str])];
    fn lookup() -> &'static HashMap<String, Entry<Self>>;
    /// The label the app itself shows for this value in `lang`: a person's file written with
    /// the app's own words must read back.
    fn app_label(self, lang: crate::i18n::Lang) -> &'static str;
}

/// What a normalised label means for a vocabulary.
#[derive(Debug, Clone, Copy)]
pub enum Entry<T: 'static> {
    Key(T),
    Label(T),
    Ambiguous(&'static [&'static str]),
}

fn build<T: Vocab>() -> HashMap<String, Entry<T>> {
    let mut map = HashMap::new();
    let by_key = |k: &str| T::all().iter().copied().find(|v| v.key() == k);
    for (label, keys) in T::AMBIGUOUS {
        map.insert(norm(label), Entry::Ambiguous(keys));
    }
    // Every label the interface shows, in every language, reads as its value (over an
    // ambiguous reading: the app's own word is not ambiguous).
    for lang in crate::i18n::Lang::ALL {
        for v in T::all() {
            map.insert(norm(v.app_label(lang)), Entry::Label(*v));
        }
    }
    for (label, key) in T::LABELS {
        if let Some(v) = by_key(key) {
            map.insert(norm(label), Entry::Label(v));
        }
    }
    for v in T::all() {
        map.insert(norm(v.key()), Entry::Key(*v));
    }
    map
}

macro_rules! vocab {
    ($t:ty, $field:literal, app: $app:path, labels: [$($l:literal => $k:literal),* $(,)?], ambiguous: [$($al:literal => [$($ak:literal),+]),* $(,)?]) => {
        impl Vocab for $t {
            const FIELD: &'static str = $field;
            fn all() -> &'static [Self] { <$t>::ALL }
            fn key(self) -> &'static str { <$t>::key(self) }
            const LABELS: &'static [(&'static str, &'static str)] = &[$(($l, $k)),*];
            const AMBIGUOUS: &'static [(&'static str, &'static [&'static str])] = &[$(($al, &[$($ak),+])),*];
            fn lookup() -> &'static HashMap<String, Entry<Self>> {
                static MAP: OnceLock<HashMap<String, Entry<$t>>> = OnceLock::new();
                MAP.get_or_init(build::<$t>)
            }
            fn app_label(self, lang: crate::i18n::Lang) -> &'static str { $app(lang, self) }
        }
    };
}

vocab!(Level, "level", app: crate::i18n::level_label,
    labels: [
        "National" => "national", "Nacional" => "national", "Federal" => "national", "Nationwide" => "national", "País" => "national",
        "State or province" => "subnational", "Subnacional" => "subnational", "Sub-national" => "subnational", "State" => "subnational",
        "Provincial" => "subnational", "Provincia" => "subnational", "Departamental" => "subnational", "Estadual" => "subnational",
        "Estado o provincia" => "subnational", "Estado ou província" => "subnational", "Regional subnacional" => "subnational",
        "Municipal" => "municipal", "Local" => "municipal", "Municipio" => "municipal", "Município" => "municipal", "City" => "municipal",
        "Ciudad" => "municipal", "Cidade" => "municipal", "Cantonal" => "municipal",
        "Multi-country" => "regional", "Multicountry" => "regional", "Multinational" => "regional", "Multinacional" => "regional",
        "Multipaís" => "regional", "Multi-país" => "regional", "Subregional" => "regional", "Supranacional" => "regional",
    ],
    ambiguous: ["Estatal" => ["national", "subnational"], "Internacional" => ["regional", "national"]]);

vocab!(BudgetKind, "budget kind", app: crate::i18n::budget_kind_label,
    labels: [
        "Programme" => "programme", "Program" => "programme", "Programme cost" => "programme", "Cost" => "programme",
        "Budget" => "programme", "Costo" => "programme", "Costo del programa" => "programme", "Presupuesto" => "programme",
        "Custo" => "programme", "Custo do programa" => "programme", "Orçamento" => "programme",
        "Loan" => "loan", "Préstamo" => "loan", "Empréstimo" => "loan", "Crédito" => "loan", "Credit" => "loan",
        "Grant" => "grant", "Donation" => "grant", "Contribution" => "grant", "Donación" => "grant", "Donativo" => "grant",
        "Cooperación no reembolsable" => "grant", "Subvención" => "grant", "Doação" => "grant", "Contribución" => "grant",
        "Contribuição" => "grant",
    ],
    ambiguous: []);

vocab!(Focus, "focus", app: crate::i18n::focus_label,
labels: [
    "Policing" => "policing", "Police" => "policing", "Policía" => "policing", "Policial" => "policing", "Policiamento" => "policing",
    "Community policing" => "policing", "Policía comunitaria" => "policing", "Policiamento comunitário" => "policing", "Polícia" => "policing",
    "Justice" => "justice", "Justicia" => "justice", "Justiça" => "justice", "Criminal justice" => "justice", "Justicia penal" => "justice",
    "Justiça criminal" => "justice", "Sistema de justicia" => "justice", "Reforma judicial" => "justice", "Judicial reform" => "justice",
    "Prisons and reintegration" => "prisons", "Prisons" => "prisons", "Prison" => "prisons", "Prisiones" => "prisons", "Prisões" => "prisons",
    "Cárceles" => "prisons", "Cárcel" => "prisons", "Sistema penitenciario" => "prisons", "Penitenciario" => "prisons",
    "Sistema prisional" => "prisons", "Prisional" => "prisons", "Reinserción" => "prisons", "Reintegración" => "prisons",
    "Reinserção" => "prisons", "Ressocialização" => "prisons", "Corrections" => "prisons", "Reentry" => "prisons",
    "Prisiones y reinserción" => "prisons", "Prisões e reinserção" => "prisons",
    "Youth violence prevention" => "youth", "Youth" => "youth", "Juventud" => "youth", "Jóvenes" => "youth", "Juventude" => "youth",
    "Jovens" => "youth", "Prevención de la violencia juvenil" => "youth", "Prevenção da violência juvenil" => "youth",
    "Violencia juvenil" => "youth", "Violência juvenil" => "youth", "Youth violence" => "youth",
    "Community prevention" => "community", "Community" => "community", "Comunidad" => "community", "Comunitario" => "community",
    "Comunitaria" => "community", "Prevención comunitaria" => "community", "Comunidade" => "community", "Comunitário" => "community",
    "Prevenção comunitária" => "community",
    "Urban upgrading" => "urban", "Urban" => "urban", "Urbano" => "urban", "Urbana" => "urban", "Mejoramiento urbano" => "urban",
    "Mejoramiento de barrios" => "urban", "Urbanización" => "urban", "Urbanização" => "urban", "Requalificação urbana" => "urban",
    "Espacio público" => "urban", "Espaço público" => "urban", "Prevención situacional" => "urban", "Prevenção situacional" => "urban",
    "Situational prevention" => "urban", "CPTED" => "urban", "Urban renewal" => "urban",
    "Violence against women" => "gender", "Gender" => "gender", "Género" => "gender", "Gênero" => "gender",
    "Violencia de género" => "gender", "Violência de gênero" => "gender", "Violencia contra la mujer" => "gender",
    "Violencia contra las mujeres" => "gender", "Violência contra a mulher" => "gender", "Violência contra as mulheres" => "gender",
    "Gender-based violence" => "gender", "Gender violence" => "gender", "Mujeres" => "gender", "Mulheres" => "gender", "Women" => "gender",
    "Firearms" => "firearms", "Armas" => "firearms", "Armas de fuego" => "firearms", "Armas de fogo" => "firearms", "Guns" => "firearms",
    "Gun control" => "firearms", "Control de armas" => "firearms", "Controle de armas" => "firearms", "Desarme" => "firearms",
    "Desarmamento" => "firearms", "Disarmament" => "firearms", "Small arms" => "firearms",
    "Drugs" => "drugs", "Drogas" => "drugs", "Drug policy" => "drugs", "Política de drogas" => "drugs", "Consumo de drogas" => "drugs",
    "Prevención de drogas" => "drugs", "Prevenção de drogas" => "drugs",
    "Crime information" => "information", "Information" => "information", "Información" => "information", "Informação" => "information",
    "Información delictiva" => "information", "Información criminal" => "information", "Informação criminal" => "information",
    "Sistemas de información" => "information", "Estadísticas" => "information", "Estatísticas" => "information", "Statistics" => "information",
    "Observatorio" => "information", "Observatório" => "information", "Crime analysis" => "information", "Análisis criminal" => "information",
    "Análise criminal" => "information", "Datos" => "information", "Dados" => "information", "Data" => "information",
    "Institutional reform" => "institutions", "Institutions" => "institutions", "Instituciones" => "institutions",
    "Instituições" => "institutions", "Reforma institucional" => "institutions", "Fortalecimiento institucional" => "institutions",
    "Fortalecimento institucional" => "institutions", "Institutional strengthening" => "institutions", "Gobernanza" => "institutions",
    "Governança" => "institutions", "Governance" => "institutions",
    "Organised crime" => "organized-crime", "Organized crime" => "organized-crime", "Crimen organizado" => "organized-crime",
    "Crime organizado" => "organized-crime", "Delincuencia organizada" => "organized-crime", "Criminalidad organizada" => "organized-crime",
],
ambiguous: [
    "Prevención" => ["youth", "community", "urban"], "Prevenção" => ["youth", "community", "urban"], "Prevention" => ["youth", "community", "urban"],
    "Pandillas" => ["youth", "organized-crime"], "Gangs" => ["youth", "organized-crime"], "Maras" => ["youth", "organized-crime"],
    "Gangues" => ["youth", "organized-crime"], "Narcotráfico" => ["drugs", "organized-crime"], "Tráfico de drogas" => ["drugs", "organized-crime"],
    "Drug trafficking" => ["drugs", "organized-crime"], "Seguridad ciudadana" => ["policing", "community", "institutions"],
    "Segurança cidadã" => ["policing", "community", "institutions"], "Citizen security" => ["policing", "community", "institutions"],
    "Violencia" => ["youth", "gender", "community"], "Violência" => ["youth", "gender", "community"], "Violence" => ["youth", "gender", "community"],
    "Rehabilitación" => ["prisons", "drugs"], "Reabilitação" => ["prisons", "drugs"], "Rehabilitation" => ["prisons", "drugs"],
    "Seguridad" => ["policing", "institutions"], "Segurança" => ["policing", "institutions"], "Security" => ["policing", "institutions"],
]);

vocab!(ActorType, "actor type", app: crate::i18n::actor_type_label,
    labels: [
        "National government" => "national-government", "Gobierno nacional" => "national-government", "Gobierno central" => "national-government",
        "Governo federal" => "national-government", "Governo nacional" => "national-government", "Federal government" => "national-government",
        "Central government" => "national-government",
        "Subnational government" => "subnational-government", "Gobierno subnacional" => "subnational-government",
        "Governo subnacional" => "subnational-government", "Gobierno local" => "subnational-government", "Gobierno municipal" => "subnational-government",
        "Gobierno provincial" => "subnational-government", "Gobierno departamental" => "subnational-government", "Gobierno estatal" => "subnational-government",
        "Governo estadual" => "subnational-government", "Governo municipal" => "subnational-government", "Governo local" => "subnational-government",
        "Prefeitura" => "subnational-government", "Alcaldía" => "subnational-government", "Municipalidad" => "subnational-government",
        "Local government" => "subnational-government", "State government" => "subnational-government", "Municipal government" => "subnational-government",
        "Provincial government" => "subnational-government",
        "Multilateral" => "multilateral", "Multilateral agency" => "multilateral", "Organismo multilateral" => "multilateral",
        "Agencia multilateral" => "multilateral", "Organização multilateral" => "multilateral", "Organismo internacional" => "multilateral",
        "Organización internacional" => "multilateral", "Organização internacional" => "multilateral", "International organization" => "multilateral",
        "International organisation" => "multilateral", "Banco multilateral" => "multilateral", "Multilateral bank" => "multilateral",
        "Bilateral" => "bilateral", "Bilateral agency" => "bilateral", "Agencia bilateral" => "bilateral", "Cooperación bilateral" => "bilateral",
        "Cooperação bilateral" => "bilateral", "Bilateral donor" => "bilateral", "Donante bilateral" => "bilateral",
        "Foundation" => "foundation", "Fundación" => "foundation", "Fundação" => "foundation", "Private foundation" => "foundation",
        "Philanthropy" => "foundation", "Filantropía" => "foundation", "Filantropia" => "foundation",
        "Private sector" => "private-sector", "Sector privado" => "private-sector", "Setor privado" => "private-sector", "Empresa privada" => "private-sector",
        "Empresas" => "private-sector", "Business" => "private-sector", "Private" => "private-sector", "Privado" => "private-sector",
        "Civil society" => "civil-society", "Sociedad civil" => "civil-society", "Sociedade civil" => "civil-society", "NGO" => "civil-society",
        "ONG" => "civil-society", "OSC" => "civil-society", "CSO" => "civil-society", "Non-profit" => "civil-society", "Nonprofit" => "civil-society",
        "Organización de la sociedad civil" => "civil-society", "Organização da sociedade civil" => "civil-society",
        "Academic" => "academic", "Academia" => "academic", "Académico" => "academic", "Acadêmico" => "academic", "University" => "academic",
        "Universidad" => "academic", "Universidade" => "academic", "Research" => "academic", "Think tank" => "academic",
        "Centro de investigación" => "academic", "Centro de pesquisa" => "academic",
    ],
    ambiguous: ["Gobierno" => ["national-government", "subnational-government"], "Governo" => ["national-government", "subnational-government"],
        "Government" => ["national-government", "subnational-government"], "Cooperación internacional" => ["multilateral", "bilateral"],
        "Cooperação internacional" => ["multilateral", "bilateral"], "International cooperation" => ["multilateral", "bilateral"],
        "Donor" => ["multilateral", "bilateral", "foundation"], "Donante" => ["multilateral", "bilateral", "foundation"]]);

vocab!(Evaluation, "evaluation", app: crate::i18n::evaluation_label,
    labels: [
        "Not evaluated" => "none", "Ninguna" => "none", "Ninguno" => "none", "Nenhuma" => "none", "Nenhum" => "none", "No evaluado" => "none",
        "No evaluada" => "none", "Sin evaluación" => "none", "Sem avaliação" => "none", "Não avaliado" => "none", "Não avaliada" => "none",
        "Monitoring only" => "monitoring", "Monitoring" => "monitoring", "Monitoreo" => "monitoring", "Monitoramento" => "monitoring",
        "Seguimiento" => "monitoring", "Monitoreo y seguimiento" => "monitoring", "Solo monitoreo" => "monitoring", "Apenas monitoramento" => "monitoring",
        "Process evaluation" => "process", "Proceso" => "process", "Evaluación de proceso" => "process", "Evaluación de procesos" => "process",
        "Processo" => "process", "Avaliação de processo" => "process", "Evaluación de implementación" => "process",
        "Avaliação de implementação" => "process", "Implementation evaluation" => "process",
        "Quasi experimental" => "quasi-experimental", "Quasiexperimental" => "quasi-experimental", "Cuasi experimental" => "quasi-experimental",
        "Cuasiexperimental" => "quasi-experimental", "Cuasi-experimental" => "quasi-experimental", "Quase experimental" => "quasi-experimental",
        "Quase-experimental" => "quasi-experimental", "Quaseexperimental" => "quasi-experimental",
        "Diferencias en diferencias" => "quasi-experimental", "Difference in differences" => "quasi-experimental",
        "Diferenças em diferenças" => "quasi-experimental", "Regression discontinuity" => "quasi-experimental",
        "Regresión discontinua" => "quasi-experimental", "Synthetic control" => "quasi-experimental", "Control sintético" => "quasi-experimental",
        "Controle sintético" => "quasi-experimental", "Propensity score matching" => "quasi-experimental",
        "Randomised trial" => "experimental", "Randomized trial" => "experimental", "RCT" => "experimental",
        "Randomized controlled trial" => "experimental", "Randomised controlled trial" => "experimental", "Ensayo aleatorio" => "experimental",
        "Ensayo aleatorizado" => "experimental", "Ensayo controlado aleatorio" => "experimental", "Ensayo controlado aleatorizado" => "experimental",
        "Ensaio randomizado" => "experimental", "Ensaio controlado randomizado" => "experimental", "Ensaio clínico randomizado" => "experimental",
        "Experimento aleatorio" => "experimental", "Aleatorizado" => "experimental", "Randomizado" => "experimental", "Experimento" => "experimental",
    ],
    ambiguous: ["Evaluación de impacto" => ["quasi-experimental", "experimental"], "Avaliação de impacto" => ["quasi-experimental", "experimental"],
        "Impact evaluation" => ["quasi-experimental", "experimental"], "Impacto" => ["quasi-experimental", "experimental"],
        "Sí" => ["monitoring", "process", "quasi-experimental", "experimental"], "Sim" => ["monitoring", "process", "quasi-experimental", "experimental"],
        "Yes" => ["monitoring", "process", "quasi-experimental", "experimental"]]);

vocab!(Effect, "effect", app: crate::i18n::effect_label,
    labels: [
        "Effective" => "effective", "Efectiva" => "effective", "Efectivo" => "effective", "Efetiva" => "effective", "Efetivo" => "effective",
        "Eficaz" => "effective",
        "Promising" => "promising", "Prometedora" => "promising", "Prometedor" => "promising", "Promissora" => "promising", "Promissor" => "promising",
        "Mixed" => "mixed", "Mixed results" => "mixed", "Mixta" => "mixed", "Mixto" => "mixed", "Resultados mixtos" => "mixed", "Misto" => "mixed",
        "Mista" => "mixed", "Resultados mistos" => "mixed",
        "No effect" => "no-effect", "No effects" => "no-effect", "Ineffective" => "no-effect", "No efectiva" => "no-effect",
        "No efectivo" => "no-effect", "Sin efecto" => "no-effect", "Sin efectos" => "no-effect", "Sem efeito" => "no-effect",
        "Não efetiva" => "no-effect", "Não efetivo" => "no-effect", "Ineficaz" => "no-effect", "Null effect" => "no-effect",
        "Harmful" => "harmful", "Negative effects" => "harmful", "Negative effect" => "harmful", "Efectos negativos" => "harmful",
        "Efecto negativo" => "harmful", "Perjudicial" => "harmful", "Dañino" => "harmful", "Efeitos negativos" => "harmful",
        "Efeito negativo" => "harmful", "Prejudicial" => "harmful", "Contraproducente" => "harmful", "Counterproductive" => "harmful",
        "Inconclusive" => "unknown", "Inconclusive evidence" => "unknown", "Sin evidencia concluyente" => "unknown", "No concluyente" => "unknown",
        "Inconcluso" => "unknown", "Inconclusiva" => "unknown", "Inconclusivo" => "unknown", "Evidencia insuficiente" => "unknown",
        "Evidência insuficiente" => "unknown", "Evidência inconclusiva" => "unknown", "Evidencia no concluyente" => "unknown",
        "Desconocido" => "unknown", "Desconhecido" => "unknown", "Sin evidencia" => "unknown", "Sem evidência" => "unknown",
    ],
    ambiguous: []);

vocab!(Outcome, "outcome", app: crate::i18n::outcome_label,
    labels: [
        "Homicide" => "homicide", "Homicides" => "homicide", "Homicidio" => "homicide", "Homicidios" => "homicide", "Homicídio" => "homicide",
        "Homicídios" => "homicide", "Homicide rate" => "homicide", "Tasa de homicidios" => "homicide", "Taxa de homicídios" => "homicide",
        "Murder" => "homicide", "Murders" => "homicide", "Muertes violentas" => "homicide", "Mortes violentas" => "homicide",
        "Homicidios dolosos" => "homicide", "Homicidio doloso" => "homicide", "Assassinatos" => "homicide",
        "Violent crime" => "violent-crime", "Delitos violentos" => "violent-crime", "Crímenes violentos" => "violent-crime",
        "Crimes violentos" => "violent-crime", "Lesiones" => "violent-crime", "Agresiones" => "violent-crime", "Assault" => "violent-crime",
        "Criminalidad violenta" => "violent-crime", "Criminalidade violenta" => "violent-crime",
        "Property crime" => "property-crime", "Delitos contra la propiedad" => "property-crime", "Crimes contra o patrimônio" => "property-crime",
        "Crimes patrimoniais" => "property-crime", "Hurto" => "property-crime", "Hurtos" => "property-crime", "Theft" => "property-crime",
        "Burglary" => "property-crime", "Furto" => "property-crime", "Furtos" => "property-crime", "Delitos patrimoniales" => "property-crime",
        "Victimisation" => "victimization", "Victimization" => "victimization", "Victimización" => "victimization", "Vitimização" => "victimization",
        "Perception of safety" => "perception", "Perception" => "perception", "Percepción de seguridad" => "perception",
        "Percepção de segurança" => "perception", "Percepción" => "perception", "Percepção" => "perception", "Fear of crime" => "perception",
        "Miedo al delito" => "perception", "Medo do crime" => "perception", "Sensación de seguridad" => "perception",
        "Sensação de segurança" => "perception", "Percepción de inseguridad" => "perception", "Percepção de insegurança" => "perception",
        "Recidivism" => "recidivism", "Reincidencia" => "recidivism", "Reincidência" => "recidivism", "Reoffending" => "recidivism",
        "Gender-based violence" => "gender-violence", "Gender violence" => "gender-violence", "Violencia de género" => "gender-violence",
        "Violência de gênero" => "gender-violence", "Violencia contra la mujer" => "gender-violence", "Violencia contra las mujeres" => "gender-violence",
        "Violência contra a mulher" => "gender-violence", "Violencia doméstica" => "gender-violence", "Violência doméstica" => "gender-violence",
        "Violencia intrafamiliar" => "gender-violence", "Violencia familiar" => "gender-violence", "Domestic violence" => "gender-violence",
        "Intimate partner violence" => "gender-violence",
        "Youth outcomes" => "youth-outcomes", "Resultados juveniles" => "youth-outcomes", "Resultados en jóvenes" => "youth-outcomes",
        "Resultados juvenis" => "youth-outcomes", "Deserción escolar" => "youth-outcomes", "Evasão escolar" => "youth-outcomes",
        "School dropout" => "youth-outcomes", "Empleo juvenil" => "youth-outcomes", "Emprego juvenil" => "youth-outcomes",
        "Youth employment" => "youth-outcomes",
        "Trust in institutions" => "trust", "Trust" => "trust", "Confianza" => "trust", "Confiança" => "trust",
        "Confianza en la policía" => "trust", "Confiança na polícia" => "trust", "Confianza en las instituciones" => "trust",
        "Confiança nas instituições" => "trust", "Legitimacy" => "trust", "Legitimidad" => "trust", "Legitimidade" => "trust",
        "Other" => "other", "Otro" => "other", "Otros" => "other", "Otra" => "other", "Otras" => "other", "Outro" => "other", "Outros" => "other",
    ],
    ambiguous: ["Violencia" => ["violent-crime", "gender-violence"], "Violência" => ["violent-crime", "gender-violence"],
        "Violence" => ["violent-crime", "gender-violence"], "Robo" => ["property-crime", "violent-crime"], "Roubo" => ["property-crime", "violent-crime"],
        "Robbery" => ["property-crime", "violent-crime"], "Delitos" => ["violent-crime", "property-crime"], "Crime" => ["violent-crime", "property-crime"],
        "Crimen" => ["violent-crime", "property-crime"], "Feminicidio" => ["homicide", "gender-violence"], "Femicidio" => ["homicide", "gender-violence"],
        "Feminicídio" => ["homicide", "gender-violence"]]);

/// Reads one vocabulary value by key or label.
pub fn parse_vocab<T: Vocab>(raw: &str) -> Result<(T, Option<Note>), ImportText> {
    let s = raw.trim();
    if let Some(v) = T::all().iter().find(|v| v.key() == s) {
        return Ok((*v, None));
    }
    match T::lookup().get(&norm(s)) {
        Some(Entry::Key(v)) => Ok((*v, None)),
        Some(Entry::Label(v)) => Ok((
            *v,
            note(
                "label",
                ImportText::ReadAs(s.to_owned(), v.key().to_owned()),
            ),
        )),
        Some(Entry::Ambiguous(keys)) => Err(ImportText::AmbiguousValue {
            cell: s.to_owned(),
            field: T::FIELD.to_owned(),
            candidates: keys.iter().map(|k| (*k).to_owned()).collect(),
        }),
        None => Err(ImportText::UnknownValue {
            cell: s.to_owned(),
            field: T::FIELD.to_owned(),
            allowed: T::all().iter().map(|v| v.key().to_owned()).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_by_key_and_label() {
        assert_eq!(
            parse_vocab::<Focus>("policing"),
            Ok((Focus::Policing, None))
        );
        assert_eq!(
            parse_vocab::<Focus>("Organized_Crime").map(|v| v.0),
            Ok(Focus::OrganizedCrime)
        );
        assert_eq!(
            parse_vocab::<Focus>("Policía").map(|v| v.0),
            Ok(Focus::Policing)
        );
        assert_eq!(
            parse_vocab::<Focus>("policiamento").map(|v| v.0),
            Ok(Focus::Policing)
        );
        assert!(parse_vocab::<Focus>("Policía").unwrap().1.is_some());
        assert_eq!(
            parse_vocab::<Effect>("No efectiva").map(|v| v.0),
            Ok(Effect::NoEffect)
        );
        assert_eq!(
            parse_vocab::<Effect>("no effect").map(|v| v.0),
            Ok(Effect::NoEffect)
        );
        assert_eq!(
            parse_vocab::<Evaluation>("Cuasiexperimental").map(|v| v.0),
            Ok(Evaluation::QuasiExperimental)
        );
        assert_eq!(
            parse_vocab::<Evaluation>("quasi experimental").map(|v| v.0),
            Ok(Evaluation::QuasiExperimental)
        );
        assert_eq!(
            parse_vocab::<Level>("Nacional").map(|v| v.0),
            Ok(Level::National)
        );
        assert_eq!(
            parse_vocab::<Outcome>("Homicidios").map(|v| v.0),
            Ok(Outcome::Homicide)
        );
        let e = parse_vocab::<Focus>("Prevención").unwrap_err();
        assert!(
            e.to_string().contains("ambiguous") && e.to_string().contains("youth or community"),
            "{e}"
        );
        let e = parse_vocab::<Focus>("policeing").unwrap_err();
        assert!(
            e.to_string().contains("not a known value of Focus")
                && e.to_string().contains("organized-crime"),
            "{e}"
        );
        // Every label table entry names a real key, and no label is both plain and ambiguous.
        fn check<T: Vocab>() {
            for (label, key) in T::LABELS {
                assert!(T::all().iter().any(|v| v.key() == *key), "{label} -> {key}");
                assert!(
                    !T::AMBIGUOUS.iter().any(|(a, _)| norm(a) == norm(label)),
                    "{label} is also ambiguous"
                );
            }
            for (label, keys) in T::AMBIGUOUS {
                assert!(
                    keys.iter().all(|k| T::all().iter().any(|v| v.key() == *k)),
                    "{label}"
                );
            }
            for (label, key) in T::LABELS {
                let same: Vec<_> = T::LABELS
                    .iter()
                    .filter(|(l, _)| norm(l) == norm(label))
                    .map(|(_, k)| *k)
                    .collect();
                assert!(same.iter().all(|k| k == key), "{label} maps to {same:?}");
            }
            assert!(!T::LABELS.is_empty(), "{}", T::FIELD);
        }
        check::<Level>();
        check::<Focus>();
        check::<ActorType>();
        check::<Evaluation>();
        check::<Effect>();
        check::<Outcome>();
    }

    #[test]
    fn english_interface_labels_are_understood() {
        use crate::i18n::{
            actor_type_label, effect_label, evaluation_label, focus_label, level_label,
            outcome_label, Lang,
        };
        for v in Focus::ALL {
            assert_eq!(
                parse_vocab::<Focus>(focus_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Level::ALL {
            assert_eq!(
                parse_vocab::<Level>(level_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in ActorType::ALL {
            assert_eq!(
                parse_vocab::<ActorType>(actor_type_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Evaluation::ALL {
            assert_eq!(
                parse_vocab::<Evaluation>(evaluation_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Effect::ALL {
            assert_eq!(
                parse_vocab::<Effect>(effect_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
        for v in Outcome::ALL {
            assert_eq!(
                parse_vocab::<Outcome>(outcome_label(Lang::En, *v)).map(|r| r.0),
                Ok(*v)
            );
        }
    }
}
