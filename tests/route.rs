//! Screen addresses (`lentera::route`): every route survives being written and read back, every
//! per-person screen belongs to its profile (so the PIN guard covers it), and typed or damaged
//! addresses never panic.

use lentera::domain::record::Id;
use lentera::route::{ModuleRef, PrintDoc, Route, Screen, TrainerTab};
use proptest::prelude::*;

/// One of every screen. The match in `screen_index` has no wildcard: a new `Screen` variant
/// does not compile until it is listed here too, so the properties below cover it.
fn every_screen(m: ModuleRef, lesson: String) -> Vec<Screen> {
    let all = vec![
        Screen::Dashboard,
        Screen::Edit,
        Screen::Assess,
        Screen::Supervisor,
        Screen::Learn,
        Screen::Module(m.clone()),
        Screen::Lesson(m.clone(), lesson),
        Screen::Quiz(m),
        Screen::Activities,
        Screen::Plan,
        Screen::MyData,
        Screen::Together,
        Screen::Sync,
    ];
    for (i, s) in all.iter().enumerate() {
        assert_eq!(screen_index(s), i, "every screen listed once, in order");
    }
    all
}

fn screen_index(s: &Screen) -> usize {
    match s {
        Screen::Dashboard => 0,
        Screen::Edit => 1,
        Screen::Assess => 2,
        Screen::Supervisor => 3,
        Screen::Learn => 4,
        Screen::Module(_) => 5,
        Screen::Lesson(..) => 6,
        Screen::Quiz(_) => 7,
        Screen::Activities => 8,
        Screen::Plan => 9,
        Screen::MyData => 10,
        Screen::Together => 11,
        Screen::Sync => 12,
    }
}

/// Routes that belong to nobody, likewise listed exhaustively (`NotFound` is the parse result
/// for anything else and is tested on its own).
fn global_routes(id: Id) -> Vec<Route> {
    let all = vec![
        Route::Profiles,
        Route::NewProfile,
        Route::Unlock(id.clone()),
        Route::Data,
        Route::Settings,
    ];
    let mut all = all;
    all.extend(workbench_screens(id).into_iter().map(Route::Trainer));
    for r in &all {
        match r {
            Route::Profiles
            | Route::NewProfile
            | Route::Unlock(_)
            | Route::Data
            | Route::Settings
            | Route::Trainer(_) => {}
            Route::Profile(..) | Route::NotFound(_) => unreachable!(),
        }
    }
    all
}

/// The workbench's screens (`pelatih/`), listed exhaustively in the same way.
fn workbench_screens(id: Id) -> Vec<TrainerTab> {
    let all = vec![
        TrainerTab::Cohort,
        TrainerTab::Talent,
        TrainerTab::Import,
        TrainerTab::Questions,
        TrainerTab::Roster,
        TrainerTab::Author,
        TrainerTab::Device,
        TrainerTab::Sync,
        TrainerTab::Print(PrintDoc::Cohort),
        TrainerTab::Print(PrintDoc::Units),
        TrainerTab::Print(PrintDoc::Talent),
        TrainerTab::Print(PrintDoc::Plan(id.clone())),
        TrainerTab::Person(id),
    ];
    for t in &all {
        match t {
            TrainerTab::Cohort
            | TrainerTab::Talent
            | TrainerTab::Import
            | TrainerTab::Questions
            | TrainerTab::Roster
            | TrainerTab::Author
            | TrainerTab::Device
            | TrainerTab::Sync
            | TrainerTab::Person(_) => {}
            TrainerTab::Print(d) => match d {
                PrintDoc::Cohort | PrintDoc::Units | PrintDoc::Talent | PrintDoc::Plan(_) => {}
            },
            TrainerTab::NotFound(_) => unreachable!(),
        }
    }
    all
}

fn ids() -> impl Strategy<Value = Id> {
    prop_oneof![
        "[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}",
        "[A-Za-z0-9][A-Za-z0-9._:-]{0,30}",
    ]
    .prop_filter_map("a valid id", |s| Id::parse(&s).ok())
}

/// Pack, module and lesson ids as they arrive from packs: any non-empty text, spaces, slashes,
/// percent signs and non-Latin letters included.
fn parts() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z0-9-]{1,20}", "\\PC{1,12}", "[ /%#?&é]{1,6}"]
}

proptest! {
    #[test]
    fn every_route_reads_back_as_itself(id in ids(), pack in parts(), module in parts(), lesson in parts()) {
        let m = ModuleRef { pack, module };
        for screen in every_screen(m, lesson) {
            let r = Route::Profile(id.clone(), screen);
            prop_assert_eq!(Route::parse(&r.href()), r.clone(), "{}", r.href());
            prop_assert_eq!(r.profile(), Some(&id), "a profile's screen names its profile");
        }
        for r in global_routes(id.clone()) {
            prop_assert_eq!(Route::parse(&r.href()), r.clone());
            prop_assert_eq!(r.profile(), None);
        }
        for t in workbench_screens(id.clone()) {
            prop_assert_eq!(TrainerTab::parse(&t.href()), t.clone(), "{}", t.href());
        }
    }

    #[test]
    fn any_typed_workbench_address_reads_without_panicking(hash in "\\PC{0,60}") {
        let t = TrainerTab::parse(&hash);
        if !matches!(t, TrainerTab::NotFound(_)) {
            prop_assert_eq!(TrainerTab::parse(&t.href()), t);
        }
    }

    #[test]
    fn any_typed_address_reads_without_panicking(hash in "\\PC{0,60}") {
        let r = Route::parse(&hash);
        // What it reads as, it writes back to something that reads the same.
        if !matches!(r, Route::NotFound(_)) {
            prop_assert_eq!(Route::parse(&r.href()), r);
        }
    }
}

#[test]
fn unknown_and_damaged_addresses_are_not_found() {
    for hash in [
        "#/p",
        "#/p/ada/tidak-ada",
        "#/pelatih/lain",
        "#/profil/x/ubah/lagi",
        "#/p/%zz",
        "#/p/a b/atasan",
        "#/p/%E9%",
    ] {
        assert!(matches!(Route::parse(hash), Route::NotFound(_)), "{hash}");
    }
    // A percent sign followed by a multi-byte letter is kept, not split.
    assert!(matches!(Route::parse("#/%é"), Route::NotFound(ref p) if p == "%é"));
}

#[test]
fn the_workbench_has_its_own_addresses() {
    let id = Id::parse("siti").unwrap();
    assert_eq!(TrainerTab::Cohort.href(), "#/");
    assert_eq!(TrainerTab::parse("#/orang/siti"), TrainerTab::Person(id.clone()));
    assert_eq!(
        TrainerTab::Person(id.clone()).from_learner_app(),
        "pelatih/#/orang/siti"
    );
    // Bookmarks of trainer mode inside the learner app still name their screen.
    assert_eq!(
        Route::parse("#/pelatih/orang/siti"),
        Route::Trainer(TrainerTab::Person(id))
    );
    assert_eq!(Route::parse("#/pelatih"), Route::Trainer(TrainerTab::Cohort));
    for hash in ["#/pelatih", "#/lain", "#/orang", "#/orang/a b"] {
        assert!(matches!(TrainerTab::parse(hash), TrainerTab::NotFound(_)), "{hash}");
    }
}

#[test]
fn the_edit_form_keeps_its_first_address() {
    let id = Id::parse("siti").unwrap();
    let edit = Route::Profile(id.clone(), Screen::Edit);
    assert_eq!(edit.href(), "#/profil/siti/ubah");
    assert_eq!(Route::parse("#/p/siti/ubah"), edit);
    assert_eq!(Route::dashboard(id).href(), "#/p/siti");
}
