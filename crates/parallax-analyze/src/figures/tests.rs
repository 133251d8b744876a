//! One case per form and language of the quantity grammar.

use parallax_core::Figure;

use super::find_figures;
use crate::sentences_of;

/// A figure as a short line: kind, value (and high end), unit, direction, counted head.
fn describe(f: &Figure) -> String {
    let mut s = format!("{:?} {}", f.kind, f.value).to_lowercase();
    if let Some(h) = f.high {
        s.push_str(&format!("..{h}"));
    }
    if let Some(u) = &f.unit {
        s.push_str(&format!(" {u}"));
    }
    if f.direction != parallax_core::Direction::Exact {
        s.push_str(&format!(" {:?}", f.direction).to_lowercase());
    }
    s.push_str(&format!(" /{}", f.head));
    s
}

#[track_caller]
fn check_in(lang: &str, text: &str, expected: &[&str]) {
    let got: Vec<String> = sentences_of(text)
        .iter()
        .enumerate()
        .flat_map(|(i, s)| find_figures(s, i, lang))
        .map(|f| describe(&f))
        .collect();
    assert_eq!(got, expected, "{text}");
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    check_in("en", text, expected);
}

#[test]
fn cardinals_and_qualifiers() {
    check(
        "Biden ordered nearly 3,000 US troops to Poland.",
        &["count 3000 nearly /troop"],
    );
    check(
        "Russia has more than 100,000 troops there.",
        &["count 100000 above /troop"],
    );
    check("Three firefighters were hurt.", &["count 3 /firefight"]);
    check("At least 12 people died.", &["count 12 atleast /peopl"]);
    check(
        "Some 300 residents or more fled.",
        &["count 300 around /resid"],
    );
    check(
        "They found 300 or more bodies.",
        &["count 300 atleast /bodi"],
    );
    check(
        "Up to 40 flights were cancelled.",
        &["count 40 atmost /flight"],
    ); // An adverb ends the thing counted.
    check(
        "A 12-year-old girl widely feared lost was found.",
        &["measure 12 age /girl"],
    );
}

#[test]
fn spelled_out_and_mixed() {
    check("Five thousand people marched.", &["count 5000 /peopl"]);
    check(
        "Officials counted 5 thousand 383 ballots.",
        &["count 5383 /ballot"],
    );
    check(
        "The region has 1.4 million residents.",
        &["count 1400000 /resid"],
    );
    check("Twenty-five workers were rescued.", &["count 25 /worker"]);
    check("A dozen homes burned.", &["count 12 /home"]);
    check("Thousands of people fled.", &[]);
    check_in(
        "de",
        "Die Stadt hat 2,5 Millionen Einwohner.",
        &["count 2500000 /einwohn"],
    );
    check_in(
        "de",
        "Dreiundzwanzig Menschen wurden verletzt.",
        &["count 23 /mensch"],
    );
    check_in(
        "fr",
        "Cinq mille personnes ont manifesté.",
        &["count 5000 /personn"],
    );
    check_in(
        "fr",
        "Quatre-vingt-dix soldats sont partis.",
        &["count 90 /soldat"],
    );
    check_in(
        "fr",
        "On compte 3 000 soldats américains.",
        &["count 3000 /soldat"],
    );
    check_in(
        "es",
        "Llegaron tres mil soldados.",
        &["count 3000 /soldado"],
    );
    check_in("es", "Hubo treinta y dos heridos.", &["count 32 /herido"]);
    check_in(
        "es",
        "Veintitrés personas resultaron heridas y diecinueve vecinos fueron desalojados.",
        &["count 23 /persona", "count 19 /vecino"],
    );
}

#[test]
fn decimal_comma_and_point_by_language() {
    check_in(
        "de",
        "Das Defizit stieg um 1,5 Prozent.",
        &["percent 1.5 % /defizit"],
    );
    check_in(
        "fr",
        "Le chômage a atteint 7,4 %.",
        &["percent 7.4 % /chômage"],
    );
    check_in(
        "es",
        "El paro bajó al 12,3 por ciento.",
        &["percent 12.3 % /paro"],
    );
    check("Turnout was 55.5 percent.", &["percent 55.5 % /turnout"]);
    check_in("de", "Es kamen 3.000 Menschen.", &["count 3000 /mensch"]);
    // Words that name the same thing count the same thing.
    check_in(
        "de",
        "Etwa 40 Personen wurden evakuiert.",
        &["count 40 around /mensch"],
    );
    check(
        "Officials said 40 persons were evacuated.",
        &["count 40 /peopl"],
    );
    check_in(
        "fr",
        "L'usine va supprimer 450 postes.",
        &["count 450 /emploi"],
    );
    check_in(
        "fr",
        "L'usine va supprimer 450 emplois.",
        &["count 450 /emploi"],
    );
}

#[test]
fn ordinals() {
    check("He scored in the 23rd minute.", &["ordinal 23 /minut"]);
    check_in(
        "fr",
        "Il a fini 1er du classement.",
        &["ordinal 1 /classement"],
    );
    check_in("es", "Quedó en el 5º puesto.", &["ordinal 5 /puesto"]);
}

#[test]
fn ranges_scores_and_votes() {
    check(
        "Between 10 and 20 people were hurt.",
        &["count 10..20 /peopl"],
    );
    check(
        "Police said 300-400 protesters gathered.",
        &["count 300..400 /protest"],
    );
    check("Madrid won 6-3 against Lyon.", &["score 6..3 /madrid"]);
    check(
        "The Senate voted 52-48 on the bill.",
        &["score 52..48 /senat"],
    );
    check(
        "Lawmakers backed the plan by 52 to 48 votes.",
        &["score 52..48 /vote"],
    );
    check_in(
        "de",
        "Zwischen 10 und 20 Menschen starben.",
        &["count 10..20 /mensch"],
    );
    check("Rebels won de facto independence in a 1994-96 war.", &[]);
    check(
        "Output fell in 2019-2021 by 12 percent.",
        &["percent 12 % /%"],
    );
    check(
        "Repairs will take two to three weeks.",
        &["duration 2..3 week /take"],
    );
    check_in(
        "de",
        "Die Strecke bleibt zwei bis drei Wochen gesperrt.",
        &["duration 2..3 week /streck"],
    );
    check_in(
        "fr",
        "Le PSG a gagné 2-1 face à Lyon.",
        &["score 2..1 /face"],
    );
    check_in(
        "es",
        "El Madrid ganó 3-1 al Barcelona.",
        &["score 3..1 /madrid"],
    );
}

#[test]
fn percent_money_measures_durations() {
    check("Prices rose 5% in March.", &["percent 5 % /price"]);
    check(
        "The deal is worth $1.2 billion.",
        &["money 1200000000 USD /worth"],
    );
    check(
        "They raised £5m for the hospital.",
        &["money 5000000 GBP /GBP"],
    );
    check(
        "A magnitude 7.8 earthquake struck.",
        &["measure 7.8 magnitude /earthquak"],
    );
    check(
        "The fire spread over 5 km of forest.",
        &["measure 5 km above /forest"],
    );
    check(
        "The match lasted over 120 minutes.",
        &["duration 120 minute above /match"],
    );
    check("A 10-day ceasefire began.", &["duration 10 day /ceasefir"]);
    check("He began a two-day visit.", &["duration 2 day /visit"]);
    check_in(
        "fr",
        "Le projet coûte 1,2 milliard d'euros.",
        &["money 1200000000 EUR /projet"],
    );
    check_in(
        "de",
        "Der Schaden beträgt 3 Millionen Euro.",
        &["money 3000000 EUR /schad"],
    );
    check_in(
        "es",
        "El plan costará 5 millones de dólares.",
        &["money 5000000 USD /plan"],
    );
    check_in(
        "de",
        "Die Sitzung dauerte knapp drei Stunden.",
        &["duration 3 hour nearly /sitzung"],
    );
}

#[test]
fn not_quantities() {
    check("February 7, 2022 10:24 am", &[]);
    check("The talks began at 1400 GMT on February 7.", &[]);
    check("He arrived at 10:30 and left at 3 p.m. on 12 March.", &[]);
    check("In 2022 the plant closed.", &[]);
    check("Three days ago the plant closed.", &[]);
    check(
        "Apple sold the iPhone 15 and Airbus the A320 to Flight 370 crews.",
        &[],
    );
    check(
        "Read more at https://example.com/2022/02/07/story-300-people today.",
        &[],
    );
    check(
        "Write to desk2024@example.org or see WWW.Example.com/300 today.",
        &[],
    );
    check(
        "Mirrors at WWW.300-sites.com and news.example/300 went up.",
        &[],
    );
    check(
        "COPYRIGHT 2022 by the 300 Herald Media group, all rights reserved.",
        &[],
    );
    check(
        "Copyright: 2022, 300 member papers, all rights reserved.",
        &[],
    );
    check("The 300 members of the © 2022 Herald Media group met.", &[]);
    check("The COVID-19 rules changed and 5G masts went up.", &[]);
    check_in("fr", "Le 7 février, à 15 heures, il y a trois jours.", &[]);
    check_in("de", "Am 7. Februar um 15 Uhr, vor drei Tagen.", &[]);
    check_in(
        "fr",
        "L'effondrement s'est produit peu après 21 heures.",
        &[],
    );
    check_in(
        "es",
        "El seísmo sacudió a las 3.17 horas de este miércoles la comarca.",
        &[],
    );
    check_in(
        "fr",
        "Après 21 heures de négociations, un accord a été trouvé.",
        &["duration 21 hour /négociat"],
    );
    check_in("es", "El 7 de febrero a las 15 horas, hace tres días.", &[]);
    check_in("es", "El aviso sigue hasta las 18.00 horas del lunes.", &[]);
    // An emergency line's number names it.
    check_in(
        "es",
        "Tres heridos fueron trasladados al hospital, según informó el servicio de emergencias 112.",
        &["count 3 /herido"],
    );
    check("Callers to emergency 911 waited.", &[]);
    check_in(
        "de",
        "Zeugen sollen sich unter der Telefonnummer 0511 109-5555 melden.",
        &[],
    );
    check_in("de", "Zeugen melden sich unter 0511 1095555.", &[]);
}

#[test]
fn a_figure_denied_is_not_reported() {
    check_in(
        "de",
        "Die Täter hätten rund 350.000 Euro erbeutet, nicht 400.000 Euro, wie zunächst berichtet.",
        &["money 350000 EUR around /tat"],
    );
    check(
        "The fire destroyed 37 homes, not 40 as first reported.",
        &["count 37 /home"],
    );
    // "Not more than" is a bound, not a denial.
    check("Not more than 40 homes burned.", &["count 40 atmost /home"]);
    // "Whether or not": the "not" is the question's.
    check(
        "The judge will rule whether or not more than 200 players are paid.",
        &["count 200 above /player"],
    );
    check_in(
        "de",
        "Nicht weniger als 40 Häuser brannten.",
        &["count 40 atleast /haus"],
    );
    check_in(
        "es",
        "Ardieron no más de 40 casas.",
        &["count 40 atmost /casa"],
    );
}

#[test]
fn partitives_count_what_follows_them() {
    check(
        "Mr. Osei said 31 of the injured were taken to hospital.",
        &["count 31 /part of injur"],
    );
    check("Most injuries occurred in one of the rear coaches.", &[]);
    check("Two of them overturned.", &[]);
    check(
        "Police arrested two of the mayor's aides.",
        &["count 2 /part of aid"],
    );
    check(
        "Early reports said 70 passengers were injured, with 31 taken to hospital.",
        &["count 70 /passeng"],
    );
    check_in(
        "fr",
        "Trois des blessés sont sortis.",
        &["count 3 /part of blessé"],
    );
    check_in(
        "es",
        "Tres de los heridos siguen graves.",
        &["count 3 /part of herido"],
    );
}

#[test]
fn the_whole_after_a_part_is_a_total() {
    // "Two of the three cars": the three is how many there are in all, no count of those the
    // sentence is about; fuse lets it agree with an equal count, never differ from another.
    check(
        "Two of the three cars left the rails.",
        &["count 2 /part of car", "count 3 /whole of car"],
    );
    check_in(
        "fr",
        "Deux des trois voitures du TER sont sorties des rails.",
        &["count 2 /part of voitur", "count 3 /whole of voitur"],
    );
    check_in(
        "de",
        "Zwei der drei Wagen sprangen aus den Gleisen.",
        &["count 2 /part of wag", "count 3 /whole of wag"],
    );
    check_in(
        "es",
        "Dos de los tres vagones descarrilaron.",
        &["count 2 /part of vagon", "count 3 /whole of vagon"],
    );
    // A rating of a scale counts nothing: the verb after it is no counted thing.
    check_in(
        "de",
        "Der Warndienst hatte die Warnstufe drei von fünf ausgegeben.",
        &[],
    );
}

#[test]
fn a_number_after_a_number_noun_is_an_identifier() {
    check("Police said train number 2506 had derailed.", &[]);
    check_in("fr", "Le train numéro 12 a déraillé.", &[]);
    check("Email the newsroom or call 555-0170 with tips.", &[]);
    check_in(
        "de",
        "Auf der Landstraße 712 stürzte ein Baum auf ein Auto.",
        &[],
    );
    check_in(
        "de",
        "Auf der L 712 stürzte ein Baum auf zwei Autos.",
        &["count 2 /autos"],
    );
    check("Madrid won 10-0 against Lyon.", &["score 10..0 /madrid"]);
}

#[test]
fn a_verb_after_a_count_is_no_counted_thing_where_plurals_are_marked() {
    check_in(
        "es",
        "De los heridos, 44 continúan hospitalizados y 13 personas murieron.",
        &["count 13 /persona"],
    );
    check_in(
        "fr",
        "Au total, 44 restent hospitalisés et 13 personnes sont mortes.",
        &["count 13 /personn"],
    );
}

#[test]
fn a_relative_pronoun_is_no_counted_thing() {
    check_in(
        "es",
        "En el tren viajaban 250 personas, de las cuales nueve eran tripulantes.",
        &["count 250 /persona"],
    );
}

#[test]
fn a_toll_named_after_its_number() {
    check_in(
        "es",
        "Las autoridades elevaron a cinco la cifra de muertos tras la tormenta.",
        &["count 5 /muerto"],
    );
    check_in(
        "fr",
        "Les autorités ont porté à 12 le nombre de morts.",
        &["count 12 /mort"],
    );
}

#[test]
fn where_the_noun_comes_first_the_subject_is_named_by_its_first_word() {
    // Spanish and French put adjectives after the noun: "salario mínimo interprofesional" and
    // "salario mínimo" measure one thing, the "salario".
    check_in(
        "es",
        "El Gobierno aprobó subir el salario mínimo interprofesional un 5 %.",
        &["percent 5 % /salario"],
    );
    check_in(
        "es",
        "Aprobó una subida del salario mínimo del 5 %.",
        &["percent 5 % /salario"],
    );
    check_in(
        "fr",
        "Le salaire minimum brut augmente de 2 %.",
        &["percent 2 % /salair"],
    );
    // English and German name the thing by the last word.
    check("The death toll rose to 45.", &["count 45 /toll"]);
}

#[test]
fn a_share_counts_what_follows_its_article() {
    check_in(
        "de",
        "Nach Angaben der Bahn fielen rund 80 Prozent der Fernzüge aus.",
        &["percent 80 % around /fernzug"],
    );
    check_in(
        "es",
        "Votó el 52 % de los electores.",
        &["percent 52 % /elector"],
    );
    check_in("fr", "Il a obtenu 52 % des voix.", &["percent 52 % /voix"]);
}

#[test]
fn german_heads_fold_their_case_endings() {
    // "zwölf Verletzte" and "mit zwölf Verletzten" count one thing.
    check_in("de", "Es gab zwölf Verletzte.", &["count 12 /verletzt"]);
    check_in(
        "de",
        "Die Feuerwehr brachte zwölf Verletzten Hilfe.",
        &["count 12 /verletzt"],
    );
}

#[test]
fn a_rate_after_money_is_no_counted_thing() {
    check_in(
        "es",
        "El sueldo llega a 1.184 euros mensuales.",
        &["money 1184 EUR /sueldo"],
    );
    check_in(
        "fr",
        "Le salaire passe à 1 800 euros bruts mensuels.",
        &["money 1800 EUR /salair"],
    );
    // A preposition is never the thing: "hasta los" qualifies the amount.
    check_in(
        "es",
        "Una subida del 5 %, hasta los 1.184 euros mensuales.",
        &["percent 5 % /subida", "money 1184 EUR atmost /EUR"],
    );
}

#[test]
fn a_count_named_after_its_number_by_a_determiner() {
    // "cifró en 2,4 millones los trabajadores", "elevó a 45 los fallecidos".
    check_in(
        "es",
        "La ministra cifró en unos 2,4 millones los trabajadores beneficiados.",
        &["count 2400000 around /trabajador"],
    );
    check_in(
        "es",
        "La policía elevó a 45 los fallecidos.",
        &["count 45 /fallecido"],
    );
}

#[test]
fn url_spans_split_at_every_white_space() {
    // A URL ends at any white space `char::is_whitespace` knows, ASCII or not.
    let text = "See www.example.com/a\u{a0}or mail@example.org\u{2003}now,\u{b}http://x.y/z\tend";
    let spans: Vec<&str> = super::url_spans(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect();
    assert_eq!(
        spans,
        ["www.example.com/a", "mail@example.org", "http://x.y/z"]
    );
}

#[test]
fn url_spans_need_an_at_a_slash_or_an_opening_www() {
    let spans = |text: &'static str| -> Vec<&'static str> {
        super::url_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    };
    assert_eq!(
        spans("Visit WWW.Example.com for 300 pages."),
        ["WWW.Example.com"]
    );
    assert_eq!(spans("www.a.b"), ["www.a.b"]);
    assert_eq!(spans("The www. 300"), ["www."]);
    assert!(spans("Awww. 300 people, 3.5 km away.").is_empty());
    assert!(spans("It rose 3.5% to 300 in the U.S.").is_empty());
}

#[test]
fn the_thing_counted_in_french_german_and_spanish_is_a_noun() {
    // A magnitude written before the number is the thing measured, not the verb after it.
    check_in(
        "es",
        "Un terremoto de magnitud 4,8 sacudió la comarca.",
        &["measure 4.8 magnitude /magnitude"],
    );
    check_in(
        "de",
        "Ein Beben der Stärke 4,8 erschütterte die Region.",
        &["measure 4.8 magnitude /magnitude"],
    );
    // An adjective before the noun is not what is counted.
    check_in(
        "fr",
        "Les deux dernières voitures ont quitté les rails.",
        &["count 2 /voitur"],
    );
    check_in(
        "es",
        "Los dos últimos vagones descarrilaron.",
        &["count 2 /vagon"],
    );
    // A conjunction ends the thing measured.
    check_in(
        "fr",
        "Le train roulait à environ 90 km/h lorsque les voitures ont déraillé.",
        &["measure 90 kmh around /train"],
    );
}

#[test]
fn speeds_in_words_and_their_units_apart() {
    check_in(
        "de",
        "Gemessen wurden in der Spitze 128 Kilometer pro Stunde.",
        &["measure 128 kmh /spitz"],
    );
    check(
        "Winds reached 80 miles per hour.",
        &["measure 80 mph /wind"],
    );
    check(
        "Winds reached 80 mph and gusts 130 km/h.",
        &["measure 80 mph /wind", "measure 130 kmh /gust"],
    );
}

#[test]
fn german_counts_ages_and_clock_times() {
    // Every German noun is capitalised: a word in lowercase after the number is no counted thing.
    check_in(
        "de",
        "Die zwei verletzten Mitarbeiter wurden behandelt.",
        &["count 2 /mitarbeit"],
    );
    check_in(
        "de",
        "Der Schaden soll bei 1,5 Millionen Euro liegen.",
        &["money 1500000 EUR /schad"],
    );
    // Ages, glued or in words.
    check_in(
        "de",
        "Ein 34-Jähriger und ein 51-Jähriger wurden verletzt.",
        &["measure 34 age /age", "measure 51 age /age"],
    );
    check_in(
        "de",
        "Der 54 Jahre alte Fahrer wurde verletzt.",
        &["measure 54 age /fahr"],
    );
    // A number in words after a weekday is no day of the month.
    check_in(
        "de",
        "Bei dem Brand sind am Dienstag zwei Mitarbeiter verletzt worden.",
        &["count 2 /mitarbeit"],
    );
    // A time of day told in quarters is no count.
    check_in(
        "de",
        "Es war kurz nach halb drei, um Viertel nach vier.",
        &[],
    );
}

#[test]
fn staff_residents_and_responders_count_the_same_thing_in_their_words() {
    check_in(
        "de",
        "Zwei Beschäftigte wurden verletzt.",
        &["count 2 /mitarbeit"],
    );
    check_in(
        "de",
        "Knapp 250 Bewohner sollten drinnen bleiben.",
        &["count 250 nearly /anwohn"],
    );
    check_in(
        "de",
        "Die Feuerwehr war mit 80 Kräften im Einsatz.",
        &["count 80 /einsatzkraft"],
    );
    check_in(
        "fr",
        "Deux salariés ont été blessés.",
        &["count 2 /salarié"],
    );
}
