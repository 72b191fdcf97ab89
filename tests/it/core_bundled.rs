//! The bundled 2021–2022 card and region hold exactly what the DVO says.

use crate::common::d;

use keuzekaart::core::{PepperColour, Workbook, rules};

#[test]
fn the_region_has_seven_gemeenten_with_68_peppers_and_the_pie_chart_budgets() {
    let wb = Workbook::bundled();
    let region = &wb.region;
    assert_eq!(region.gemeenten.len(), 7);
    assert_eq!(region.total_peppers(), d("68"));
    assert_eq!(region.total_budget(), d("1731616"));
    let mut articles: Vec<u32> = region.gemeenten.iter().map(|g| g.article).collect();
    articles.sort();
    assert_eq!(articles, (5..=11).collect::<Vec<_>>());
    let expected = [
        ("Berg en Dal", 5, "21", "212439"),
        ("Beuningen", 6, "8", "78395"),
        ("Druten", 7, "7", "70070"),
        ("Heumen", 8, "5", "53974"),
        ("Mook en Middelaar", 9, "2", "16373"),
        ("Nijmegen", 10, "12", "1172413"),
        ("Wijchen", 11, "13", "127952"),
    ];
    for (name, article, peppers, budget) in expected {
        let g = region
            .gemeente(name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(
            (g.article, g.peppers, g.budget),
            (article, d(peppers), d(budget)),
            "{name}"
        );
        let colour = if name == "Nijmegen" {
            PepperColour::Green
        } else {
            PepperColour::Red
        };
        assert_eq!(g.colour, colour, "{name}");
        assert_eq!(
            g.may_go_below_minimum,
            name == "Mook en Middelaar",
            "{name}"
        );
    }
    assert_eq!(region.term.label(), "2021–2022");
    assert_eq!(region.pepper_value(PepperColour::Red), d("10000"));
    assert_eq!(region.pepper_value(PepperColour::Green), d("100000"));
}

#[test]
fn the_goal_texts_carry_no_seed_slips() {
    let wb = Workbook::bundled();
    for g in &wb.region.gemeenten {
        assert!(
            g.goal.contains(&g.name),
            "{}: goal does not name the gemeente",
            g.name
        );
        assert!(
            !g.goal.contains("Druuten") && !g.goal.starts_with("Gemeenten "),
            "{}",
            g.name
        );
    }
    assert!(wb.region.gemeente("Druten").is_some());
}

#[test]
fn the_card_has_thirteen_activities_with_the_readings_of_domain_md() {
    let wb = Workbook::bundled();
    let card = &wb.card;
    assert_eq!(card.activities.len(), 13);
    assert_eq!(card.max_activities, 15);
    let numbers: Vec<u32> = card.activities.iter().map(|a| a.number).collect();
    assert_eq!(numbers, (1..=13).collect::<Vec<_>>());

    let one = card.activity(1).unwrap();
    for colour in PepperColour::ALL {
        assert!(
            one.offer(colour).unwrap().is_free(),
            "activity 1 costs nothing in {colour:?}"
        );
    }
    let twelve = card.activity(12).unwrap();
    assert_eq!(
        twelve.offer(PepperColour::Red).unwrap().maximum,
        Some(d("4"))
    );
    assert!(twelve.offer(PepperColour::Green).is_none());

    // Two-line activities: line 1 red, line 2 green.
    for (number, red, green) in [
        (3, "1", "5"),
        (4, "10", "90"),
        (6, "10", "100"),
        (9, "6", "200"),
        (10, "33", "333"),
    ] {
        let a = card.activity(number).unwrap();
        assert_eq!(
            a.offer(PepperColour::Red).unwrap().volume,
            d(red),
            "activity {number}"
        );
        assert_eq!(
            a.offer(PepperColour::Green).unwrap().volume,
            d(green),
            "activity {number}"
        );
    }
    // One-line activities have no green offer.
    for number in [2, 5, 7, 8, 11, 12, 13] {
        assert!(
            card.activity(number)
                .unwrap()
                .offer(PepperColour::Green)
                .is_none(),
            "activity {number}"
        );
    }
    assert_eq!(
        card.activity(7).unwrap().title_for("Heumen"),
        "Heumen Werkt!"
    );
    assert_eq!(
        card.activity(4)
            .unwrap()
            .offer(PepperColour::Red)
            .unwrap()
            .price_label(),
        "1 peper = 10 kandidaten"
    );
}

#[test]
fn a_fresh_workbook_breaks_no_rule_and_says_every_pepper_is_still_to_spend() {
    let wb = Workbook::bundled();
    let findings = rules::check(&wb);
    assert!(!rules::has_errors(&findings), "{findings:?}");
    assert_eq!(findings.len(), 7, "one reminder per gemeente: {findings:?}");
    for (finding, gemeente) in findings.iter().zip(&wb.region.gemeenten) {
        assert_eq!(
            finding.problem,
            keuzekaart::core::Problem::Unspent {
                gemeente: gemeente.name.clone(),
                left: gemeente.peppers,
                budget: gemeente.peppers,
            }
        );
    }
    assert_eq!(
        findings[0].message(),
        "Berg en Dal heeft nog 21 van de 21 pepers te besteden."
    );
}
