//! Options, the compare view and "Vul aan" through the app's own screens (egui_kittest).

use crate::common::app::{drag_first, harness_with, peppers_on};
use crate::common::{d, filled_workbook};
use egui::Vec2;
use egui_kittest::kittest::Queryable;
use keuzekaart::annex::{AnnexOptions, annex_data};

use crate::common::app::App;

fn click(h: &mut App, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn plan_of(h: &App, gemeente: &str) -> keuzekaart::core::Plan {
    h.state().model().workbook().plan(gemeente).unwrap().clone()
}

fn beuningen_in_annex(h: &App) -> Vec<(String, String)> {
    let data = annex_data(
        h.state().model().workbook(),
        &AnnexOptions {
            gemeente: Some("Beuningen".into()),
            ..AnnexOptions::default()
        },
    );
    data.articles[0]
        .lines
        .iter()
        .map(|l| (l.number.clone(), l.peppers.clone()))
        .collect()
}

#[test]
fn option_b_copied_changed_compared_and_proposed_is_what_the_annex_prints() {
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    let proposal = h
        .state()
        .model()
        .workbook()
        .plan("Beuningen")
        .unwrap()
        .choices
        .clone();

    click(&mut h, "Kopie maken");
    assert_eq!(h.state().shown_option(), Some("Optie B"));
    assert!(h.query_by_label("Optie B · geen voorstel").is_some());

    // Two peppers move from activity 4 to activity 5, in B only, by dragging.
    drag_first(
        &mut h,
        "Rode peper op activiteit 4",
        "Activiteit 5: Organiseren events",
    );
    drag_first(
        &mut h,
        "Rode peper op activiteit 4",
        "Activiteit 5: Organiseren events",
    );
    let plan = plan_of(&h, "Beuningen");
    assert_eq!(
        plan.choices, proposal,
        "Optie A, the proposal, is untouched"
    );
    let b = plan.option_choices("Optie B").unwrap();
    let on = |n: u32| {
        b.iter()
            .find(|c| c.activity == n)
            .map(|c| c.peppers)
            .unwrap_or_default()
    };
    assert_eq!((on(4), on(5)), (d("1"), d("2")));
    assert_eq!(peppers_on(&h, "Beuningen", 4), d("3"));

    click(&mut h, "Opties vergelijken");
    assert!(h.query_by_label("Verschillen: activiteit 4 en 5").is_some());
    assert!(h.query_by_label("Activiteit 4 verschilt").is_some());
    assert!(h.query_by_label("Activiteit 5 verschilt").is_some());
    assert_eq!(h.query_all_by_label_contains("verschilt").count(), 2);

    assert_eq!(
        beuningen_in_annex(&h),
        vec![("4".into(), "3".into()), ("12".into(), "2".into())]
    );
    click(&mut h, "Keuzes");
    click(&mut h, "Als voorstel markeren");
    let plan = plan_of(&h, "Beuningen");
    assert_eq!(plan.proposal, "Optie B");
    assert_eq!(
        beuningen_in_annex(&h),
        vec![
            ("4".into(), "1".into()),
            ("5".into(), "2".into()),
            ("12".into(), "2".into())
        ]
    );
    assert!(h.query_by_label("Optie B (voorstel)").is_some());
}

#[test]
fn undoing_a_new_option_shows_the_proposal_again() {
    let mut h = harness_with(filled_workbook(), "Heumen", Vec2::new(1366.0, 2400.0));
    click(&mut h, "Nieuwe optie");
    assert_eq!(h.state().shown_option(), Some("Optie B"));
    // An empty option: every pepper of Heumen is in the tray.
    let peppers = h
        .state()
        .model()
        .workbook()
        .region
        .gemeente("Heumen")
        .unwrap()
        .peppers;
    assert_eq!(
        Some(crate::common::app::count(&h, "Rode peper in voorraad")),
        usize::try_from(peppers).ok()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().shown_option(), None);
    assert_eq!(h.state().model().workbook(), &filled_workbook());
}

#[test]
fn vul_aan_tops_up_what_is_chosen_in_one_undoable_step_and_says_what_it_did() {
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    click(&mut h, "Vul aan…");
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Vul aan: Beuningen")
    );
    // Beuningen's chosen activities (4, then 12) come first and are ticked; 4 comes first and has
    // no maximum, so all 3 peppers left go to activity 4.
    click(&mut h, "Aanvullen");
    assert_eq!(peppers_on(&h, "Beuningen", 4), d("6"));
    assert_eq!(
        h.state().message(),
        Some("Vul aan: +3 op 4 Screenen kandidaten.")
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().model().workbook(), &filled_workbook());

    // In an option, Vul aan fills the option and leaves the proposal alone.
    click(&mut h, "Nieuwe optie");
    click(&mut h, "Vul aan…");
    h.get_by_label("activiteit 12 · Subsidiëren participatietrajecten")
        .click();
    h.run();
    click(&mut h, "Aanvullen");
    let plan = plan_of(&h, "Beuningen");
    let b = plan.option_choices("Optie B").unwrap();
    assert_eq!(
        b.iter()
            .map(|c| (c.activity, c.peppers))
            .collect::<Vec<_>>(),
        vec![(12, d("4"))]
    );
    assert_eq!(
        plan.choices,
        filled_workbook().plan("Beuningen").unwrap().choices
    );
}

#[test]
fn the_capacity_view_shows_the_hand_calculated_figures_and_its_assumptions() {
    let mut h = harness_with(filled_workbook(), "Heumen", Vec2::new(1366.0, 1200.0));
    click(&mut h, "Capaciteit");
    // Heumen 0,7 fte = € 52.500; the region 1,3 fte = € 97.500.
    assert!(h.query_by_label("€ 52.500").is_some());
    assert!(h.query_by_label("€ 97.500").is_some());
    assert!(h.query_by_label("1,3").is_some());
    h.get_by_label("Kandidaten die de keuzes van de regio bereiken: 2.856");
    h.get_by_label_contains("Regionaal doel: 1.100 mensen uit de bijstand naar werk.");
    assert!(
        h.query_all_by_label_contains("€ 75.000 per fte per jaar")
            .count()
            >= 1
    );
}

#[test]
fn a_note_and_an_option_name_are_typed_in_place_and_undone_in_one_step() {
    use egui::{Key, Modifiers};
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    click(&mut h, "Notitie bij activiteit 4");
    h.get_by_role_and_label(egui::Role::TextInput, "Notitie bij activiteit 4")
        .type_text("met de wijkteams");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let note = |h: &App| {
        h.state()
            .model()
            .workbook()
            .plan("Beuningen")
            .unwrap()
            .choice(4)
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(note(&h), "met de wijkteams");
    assert!(
        h.query_by_role_and_label(egui::Role::TextInput, "Notitie bij activiteit 4")
            .is_none(),
        "after Enter the note reads as text again"
    );
    assert_eq!(
        h.state().model().undo_label(),
        Some("Notitie bij activiteit 4")
    );

    click(&mut h, "Hernoemen…");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "Naam van de optie")
        .type_text("Met wijkteams");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .model()
            .workbook()
            .plan("Beuningen")
            .unwrap()
            .proposal,
        "Met wijkteams"
    );
    assert!(h.query_by_label("Met wijkteams (voorstel)").is_some());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().model().workbook(), &filled_workbook());
}

#[test]
fn wat_als_shows_what_no_longer_fits_and_its_fit_becomes_an_option_only_when_taken_over() {
    use keuzekaart::core::what_if::{BudgetChange, what_if};
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 768.0));
    let before = h.state().model().workbook().clone();
    click(&mut h, "Wat als…");
    assert!(
        h.query_by_label_contains("Wat als het budget van Beuningen verandert")
            .is_some()
    );

    // Hostile typing first: a word is refused in Dutch and nothing is reckoned.
    crate::common::app::type_into(&mut h, "Wijziging van het budget", "tien");
    assert!(h.query_by_label_contains("‘tien’ is geen getal").is_some());
    assert!(h.query_by_label("Overnemen als optie").is_none());

    // Half: 4 of the 8 peppers are left, and the 5 placed do not fit.
    crate::common::app::type_into(&mut h, "Wijziging van het budget", "-50");
    assert!(
        h.query_by_label_contains("wordt € 39.197,50 (4").is_some(),
        "the budget then is shown"
    );
    assert!(
        h.query_by_label("Zoals de keuzes nu zijn, passen ze niet:")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("te veel").is_some(),
        "the rules' own words"
    );
    assert!(
        h.query_by_label("Voorstel dat past: wat verandert")
            .is_some()
    );
    assert_eq!(
        h.state().model().workbook(),
        &before,
        "reckoning touches nothing"
    );

    click(&mut h, "Overnemen als optie");
    let plan = plan_of(&h, "Beuningen");
    let expected = what_if(
        &before,
        "Beuningen",
        &before.plan("Beuningen").unwrap().choices,
        BudgetChange::Percent(d("-50")),
    )
    .unwrap();
    assert_eq!(
        plan.option_choices("Optie B"),
        Some(expected.proposal.as_slice())
    );
    assert_eq!(
        plan.choices,
        before.plan("Beuningen").unwrap().choices,
        "the proposal stays"
    );
    assert_eq!(h.state().shown_option(), Some("Optie B"));
    let spent: rust_decimal::Decimal = expected.proposal.iter().map(|c| c.peppers).sum();
    assert!(spent <= d("4") && !spent.is_zero());

    // One step of undo takes the option away again.
    h.get_by_label("Bewerken").click();
    h.run();
    h.get_by_label_contains("Ongedaan maken: Optie B gemaakt uit Wat als")
        .click();
    h.run();
    assert!(plan_of(&h, "Beuningen").option_choices("Optie B").is_none());
}
