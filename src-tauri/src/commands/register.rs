//! Commands on the register: residents and units, sublets, name plates, board and roles,
//! organisations, what needs the board's attention, and the import wizard for the
//! administrator's resident list.
//!
//! "Today" is the local calendar day, read here and passed to andel-core, which never reads the
//! clock. Commands that change data run through [`change`], so an autosave follows.

use std::path::Path;

use andel_core::overview;
use andel_core::register::import::{self, Column, Field, Preview};
use andel_core::register::organisations::{self, Organisation, OrganisationFields};
use andel_core::register::ownership::{self, Ownership, TakeOver};
use andel_core::register::pages::{self, PersonPage, UnitPage};
use andel_core::register::people::{self, Candidate, Person, PersonFields, PersonListed, Standing};
use andel_core::register::plates::{self, PlateKind, PlateOrder};
use andel_core::register::roles::{self, Role, RoleKind};
use andel_core::register::split::{self, Split};
use andel_core::register::sublets::{self, Decision, Sublet};
use andel_core::register::units::{self, Unit, UnitFields, UnitWithOwners};
use andel_core::register::Id;
use andel_core::ErrorCode;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tauri::State;

use super::archive::{change, with_vault};
use super::{now, today};
use crate::error::{IpcError, IpcResult};
use crate::state::{lock, AppState};

// ---------------------------------------------------------------------------------------------
// residents

/// Units with their current owners; with a query, only those whose number, address or owner
/// matches.
#[tauri::command]
#[specta::specta]
pub fn units_list(state: State<'_, AppState>, query: String) -> IpcResult<Vec<UnitWithOwners>> {
    with_vault(&state, |v| Ok(units::search(v.conn(), &query, today())?))
}

/// A unit with its full history: owners, sublets and name plates.
#[tauri::command]
#[specta::specta]
pub fn unit_page(state: State<'_, AppState>, id: Id) -> IpcResult<UnitPage> {
    with_vault(&state, |v| Ok(pages::unit(v.conn(), id, today())?))
}

/// People, current or former; with a query, those whose name, phone or e-mail matches.
#[tauri::command]
#[specta::specta]
pub fn people_list(
    state: State<'_, AppState>,
    former: bool,
    query: String,
) -> IpcResult<Vec<PersonListed>> {
    let wanted = if former {
        Standing::Former
    } else {
        Standing::Current
    };
    with_vault(&state, |v| {
        let mut found = people::search(v.conn(), &query, today())?;
        found.retain(|p| p.standing == wanted);
        Ok(found)
    })
}

/// A person and everything they are connected to.
#[tauri::command]
#[specta::specta]
pub fn person_page(state: State<'_, AppState>, id: Id) -> IpcResult<PersonPage> {
    with_vault(&state, |v| Ok(pages::person(v.conn(), id, today())?))
}

/// The person picker: everyone whose name, phone or e-mail holds `query`, with their units and
/// contact data, so two residents with one name can be told apart.
#[tauri::command]
#[specta::specta]
pub fn people_pick(state: State<'_, AppState>, query: String) -> IpcResult<Vec<Candidate>> {
    with_vault(&state, |v| Ok(people::pick(v.conn(), &query)?))
}

/// Splits a record that stands for two people with one name: unit `unit`'s ownerships and
/// sublets move to a new person of the same name (with the phone and e-mail given, if any).
#[tauri::command]
#[specta::specta]
pub fn person_split(
    state: State<'_, AppState>,
    id: Id,
    unit: String,
    phone: Option<String>,
    email: Option<String>,
) -> IpcResult<Split> {
    change(&state, |v| {
        let actor = v.actor().to_string();
        let contact = PersonFields {
            phone,
            email,
            ..Default::default()
        };
        Ok(split::split(v.conn(), id, &unit, &contact, &actor, now())?)
    })
}

/// The board says a record marked for checking is one person.
#[tauri::command]
#[specta::specta]
pub fn person_confirm_one(state: State<'_, AppState>, id: Id) -> IpcResult<()> {
    change(&state, |v| {
        let actor = v.actor().to_string();
        Ok(split::confirm_one(v.conn(), id, &actor, now())?)
    })
}

/// Adds a unit by hand (the import adds them from the administrator's list).
#[tauri::command]
#[specta::specta]
pub fn unit_add(state: State<'_, AppState>, fields: UnitFields) -> IpcResult<Unit> {
    change(&state, |v| {
        Ok(units::add(v.conn(), &fields, v.actor(), now())?)
    })
}

/// Changes a unit's number, flat, address, postcode and town or floor and side (`None` keeps a
/// field, an empty text clears it).
#[tauri::command]
#[specta::specta]
pub fn unit_update(state: State<'_, AppState>, id: Id, changes: UnitFields) -> IpcResult<Unit> {
    change(&state, |v| {
        Ok(units::update(v.conn(), id, &changes, v.actor(), now())?.0)
    })
}

/// Adds a person by hand.
#[tauri::command]
#[specta::specta]
pub fn person_add(state: State<'_, AppState>, fields: PersonFields) -> IpcResult<Person> {
    change(&state, |v| {
        Ok(people::add(v.conn(), &fields, v.actor(), now())?)
    })
}

/// Changes a person's name, phone, e-mail or note (`None` keeps a field, an empty text clears
/// it).
#[tauri::command]
#[specta::specta]
pub fn person_update(
    state: State<'_, AppState>,
    id: Id,
    changes: PersonFields,
) -> IpcResult<Person> {
    change(&state, |v| {
        Ok(people::update(v.conn(), id, &changes, v.actor(), now())?.0)
    })
}

/// A new owner of a unit as the form sends it: someone in the register, or a new person.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct MoveInForm {
    pub unit_id: Id,
    /// Someone already in the register; `None` adds `new_person`.
    pub person_id: Option<Id>,
    pub new_person: Option<PersonFields>,
    /// The day they took over the unit.
    pub from: NaiveDate,
    /// End the unit's current ownerships on `from` (the old owner moved out); off when a
    /// co-owner joins.
    pub end_current: bool,
}

/// Records a new owner of a unit, in one transaction: adds the person when new, then
/// andel-core's take-over (the current ownerships end on the day when the board says so, the
/// ownership starts, a name-plate draft is proposed and returned).
#[tauri::command]
#[specta::specta]
pub fn ownership_start(state: State<'_, AppState>, form: MoveInForm) -> IpcResult<TakeOver> {
    change(&state, |v| new_owner(v, &form, today(), now()))
}

/// [`ownership_start`] on an open archive: a refused take-over leaves no new person behind.
fn new_owner(
    v: &mut andel_core::vault::Vault,
    form: &MoveInForm,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> IpcResult<TakeOver> {
    let actor = v.actor().to_string();
    let form = ownership::MoveIn {
        unit_id: form.unit_id,
        person_id: form.person_id,
        new_person: form.new_person.clone(),
        from: form.from,
        end_current: form.end_current,
    };
    Ok(ownership::move_in(v.conn_mut(), &form, today, &actor, now)?)
}

/// Records that an owner moved out: the ownership ends on `on` (the first day they no longer
/// own the unit; `None` is today). The history is kept.
#[tauri::command]
#[specta::specta]
pub fn ownership_end(
    state: State<'_, AppState>,
    id: Id,
    on: Option<NaiveDate>,
) -> IpcResult<Ownership> {
    change(&state, |v| {
        Ok(ownership::end(
            v.conn(),
            id,
            on.unwrap_or_else(today),
            v.actor(),
            now(),
        )?)
    })
}

// ---------------------------------------------------------------------------------------------
// sublets

/// A sublet request as the form sends it: the subtenant by name (added to the register when
/// new).
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct SubletForm {
    pub unit_id: Id,
    pub subtenant: String,
    /// `None` is today.
    pub requested_on: Option<NaiveDate>,
    pub reason: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Every sublet with its status and warnings as of today.
#[tauri::command]
#[specta::specta]
pub fn sublets_list(state: State<'_, AppState>) -> IpcResult<Vec<Sublet>> {
    with_vault(&state, |v| Ok(sublets::list(v.conn(), today())?))
}

/// Records an owner's request to sublet (in one transaction with a new subtenant).
#[tauri::command]
#[specta::specta]
pub fn sublet_request(state: State<'_, AppState>, form: SubletForm) -> IpcResult<Sublet> {
    change(&state, |v| {
        let actor = v.actor().to_string();
        let request = sublets::NamedRequest {
            unit_id: form.unit_id,
            subtenant: people::Who::Name(form.subtenant.clone()),
            requested_on: form.requested_on.unwrap_or_else(today),
            reason: form.reason.clone(),
            from: form.from,
            to: form.to,
        };
        Ok(sublets::request_by_name(
            v.conn_mut(),
            &request,
            &actor,
            today(),
            now(),
        )?)
    })
}

/// The board's decision on a request; the deciding board member is the one using the app. In
/// Norway an approval may name the special grounds of borettslagsloven § 5-6 (1).
#[tauri::command]
#[specta::specta]
pub fn sublet_decide(
    state: State<'_, AppState>,
    id: Id,
    approve: bool,
    on: Option<NaiveDate>,
    special_grounds: Option<sublets::SpecialGrounds>,
) -> IpcResult<Sublet> {
    let day = today();
    let ruling = sublets::NamedRuling {
        decision: if approve {
            Decision::Approved
        } else {
            Decision::Rejected
        },
        on: on.unwrap_or(day),
        by: None,
        special_grounds,
    };
    change(&state, |v| {
        Ok(sublets::decide_by_name(
            v.conn(),
            id,
            ruling,
            day,
            v.actor(),
            now(),
        )?)
    })
}

/// Closes a sublet: the subtenant has moved out.
#[tauri::command]
#[specta::specta]
pub fn sublet_end(state: State<'_, AppState>, id: Id, on: Option<NaiveDate>) -> IpcResult<Sublet> {
    change(&state, |v| {
        let day = today();
        Ok(sublets::end(
            v.conn(),
            id,
            on.unwrap_or(day),
            day,
            v.actor(),
            now(),
        )?)
    })
}

/// The association's longest sublet: the board's maximum from its statutes, or the country's
/// default with its source.
#[tauri::command]
#[specta::specta]
pub fn sublet_rule(state: State<'_, AppState>) -> IpcResult<sublets::MaxRule> {
    with_vault(&state, |v| Ok(sublets::max_rule(v.conn())?))
}

/// Sets the board's maximum in months (1–120), or goes back to the country's default (`None`).
#[tauri::command]
#[specta::specta]
pub fn sublet_rule_set(
    state: State<'_, AppState>,
    months: Option<u32>,
) -> IpcResult<sublets::MaxRule> {
    change(&state, |v| {
        match months {
            Some(m) => {
                sublets::set_max_months(v.conn(), m, v.actor(), now())?;
            }
            None => sublets::reset_max_months(v.conn(), v.actor(), now())?,
        }
        Ok(sublets::max_rule(v.conn())?)
    })
}

// ---------------------------------------------------------------------------------------------
// name plates

#[tauri::command]
#[specta::specta]
pub fn plates_list(state: State<'_, AppState>) -> IpcResult<Vec<PlateOrder>> {
    with_vault(&state, |v| Ok(plates::list(v.conn())?))
}

/// Drafts a name-plate order for a unit, made `on` a day (default today; not after today).
#[tauri::command]
#[specta::specta]
pub fn plate_add(
    state: State<'_, AppState>,
    unit_id: Id,
    lines: Vec<String>,
    kinds: Vec<PlateKind>,
    on: Option<NaiveDate>,
) -> IpcResult<PlateOrder> {
    change(&state, |v| {
        let day = today();
        Ok(plates::add(
            v.conn(),
            unit_id,
            &lines,
            &kinds,
            on.unwrap_or(day),
            day,
            v.actor(),
            now(),
        )?)
    })
}

/// Marks an order as sent to the caretaker (an organisation).
#[tauri::command]
#[specta::specta]
pub fn plate_sent(
    state: State<'_, AppState>,
    id: Id,
    to: Option<Id>,
    on: Option<NaiveDate>,
) -> IpcResult<PlateOrder> {
    change(&state, |v| {
        Ok(plates::mark_sent(
            v.conn(),
            id,
            to,
            on.unwrap_or_else(today),
            v.actor(),
            now(),
        )?)
    })
}

#[tauri::command]
#[specta::specta]
pub fn plate_mounted(
    state: State<'_, AppState>,
    id: Id,
    on: Option<NaiveDate>,
) -> IpcResult<PlateOrder> {
    change(&state, |v| {
        Ok(plates::mark_mounted(
            v.conn(),
            id,
            on.unwrap_or_else(today),
            v.actor(),
            now(),
        )?)
    })
}

// ---------------------------------------------------------------------------------------------
// board and roles

/// The roles held today, or with `all` every role ever recorded.
#[tauri::command]
#[specta::specta]
pub fn roles_list(state: State<'_, AppState>, all: bool) -> IpcResult<Vec<Role>> {
    with_vault(&state, |v| {
        Ok(if all {
            roles::list(v.conn())?
        } else {
            roles::current(v.conn(), today())?
        })
    })
}

/// Gives a person a role; the person is added when no one has that name (a meeting chair may
/// be an outside lawyer).
#[tauri::command]
#[specta::specta]
pub fn role_add(
    state: State<'_, AppState>,
    name: String,
    kind: RoleKind,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> IpcResult<Role> {
    change(&state, |v| {
        let actor = v.actor().to_string();
        let who = people::Who::Name(name);
        Ok(roles::add_by_name(
            v.conn_mut(),
            &who,
            kind,
            from,
            to,
            &actor,
            now(),
        )?)
    })
}

#[tauri::command]
#[specta::specta]
pub fn role_end(state: State<'_, AppState>, id: Id, on: Option<NaiveDate>) -> IpcResult<Role> {
    change(&state, |v| {
        Ok(roles::end(
            v.conn(),
            id,
            on.unwrap_or_else(today),
            v.actor(),
            now(),
        )?)
    })
}

// ---------------------------------------------------------------------------------------------
// organisations

#[tauri::command]
#[specta::specta]
pub fn organisations_list(state: State<'_, AppState>) -> IpcResult<Vec<Organisation>> {
    with_vault(&state, |v| Ok(organisations::list(v.conn())?))
}

#[tauri::command]
#[specta::specta]
pub fn organisation_add(
    state: State<'_, AppState>,
    fields: OrganisationFields,
) -> IpcResult<Organisation> {
    change(&state, |v| {
        Ok(organisations::add(v.conn(), &fields, v.actor(), now())?)
    })
}

#[tauri::command]
#[specta::specta]
pub fn organisation_update(
    state: State<'_, AppState>,
    id: Id,
    changes: OrganisationFields,
) -> IpcResult<Organisation> {
    change(&state, |v| {
        Ok(organisations::update(
            v.conn(),
            id,
            &changes,
            v.actor(),
            now(),
        )?)
    })
}

// ---------------------------------------------------------------------------------------------
// what needs the board's attention

/// What needs the board's attention today.
#[tauri::command]
#[specta::specta]
pub fn attention(state: State<'_, AppState>) -> IpcResult<overview::Overview> {
    with_vault(&state, |v| Ok(overview::overview(v.conn(), today())?))
}

// ---------------------------------------------------------------------------------------------
// the import wizard

/// The board's choice for one column of the list.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct ColumnChoice {
    /// The column's header as the list writes it.
    pub column: String,
    pub field: Field,
}

fn pairs(mapping: Vec<ColumnChoice>) -> Vec<(String, Field)> {
    mapping.into_iter().map(|c| (c.column, c.field)).collect()
}

/// Runs `f` on the list read by [`import_read`].
fn with_list<T>(state: &AppState, f: impl FnOnce(&import::Table) -> IpcResult<T>) -> IpcResult<T> {
    let list = lock(&state.import);
    let table = list.as_ref().ok_or_else(|| {
        IpcError::new(
            ErrorCode::InvalidInput,
            "No resident list is loaded. Choose the file again.",
        )
    })?;
    f(table)
}

/// The native "open" dialog for a resident list. `None` when the user cancels.
///
/// Synchronous on purpose: Tauri runs synchronous commands on the main thread, which GTK's
/// dialogs need.
#[tauri::command]
#[specta::specta]
pub fn pick_resident_list<R: tauri::Runtime>(window: tauri::Window<R>) -> Option<String> {
    rfd::FileDialog::new()
        .set_parent(&window)
        .set_title("Choose the resident list")
        .add_filter(
            "Resident list",
            &["csv", "txt", "tsv", "xlsx", "xls", "ods"],
        )
        .set_directory(super::app::default_folder())
        .pick_file()
        .map(|p| p.to_string_lossy().into_owned())
}

/// A step of the wizard: the list's columns (always, so the board can map them) and the preview,
/// or why there is none yet (a column Andel needs is not mapped).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportDraft {
    pub columns: Vec<Column>,
    pub preview: Option<Preview>,
    pub problem: Option<IpcError>,
}

fn draft(
    vault: &andel_core::vault::Vault,
    table: &import::Table,
    mapping: &[(String, Field)],
) -> IpcResult<ImportDraft> {
    let columns = import::columns(vault.conn(), table, mapping)?;
    Ok(
        match import::preview(vault.conn(), table, mapping, today()) {
            Ok(preview) => ImportDraft {
                columns: preview.columns.clone(),
                preview: Some(preview),
                problem: None,
            },
            Err(e) => ImportDraft {
                columns,
                preview: None,
                problem: Some(e.into()),
            },
        },
    )
}

/// Reads the resident list at `path`, keeps it for the next steps, and previews it with the
/// automatic (and remembered) column mapping.
#[tauri::command]
#[specta::specta]
pub fn import_read(state: State<'_, AppState>, path: String) -> IpcResult<ImportDraft> {
    let bytes = import::read_file(Path::new(&path))?;
    let table = import::read(&bytes)?;
    let draft = with_vault(&state, |v| draft(v, &table, &[]))?;
    *lock(&state.import) = Some(table);
    Ok(draft)
}

/// What importing the loaded list would do with the board's column choices.
#[tauri::command]
#[specta::specta]
pub fn import_preview(
    state: State<'_, AppState>,
    mapping: Vec<ColumnChoice>,
) -> IpcResult<ImportDraft> {
    let mapping = pairs(mapping);
    with_list(&state, |table| {
        with_vault(&state, |v| draft(v, table, &mapping))
    })
}

/// Imports the loaded list in one transaction and returns the report; the list is then
/// forgotten. `mass_end_confirmed` is the board's tick under a preview whose `mass_end` is set
/// (the list ends more than half of the current ownerships); without it such a list is refused.
#[tauri::command]
#[specta::specta]
pub fn import_apply(
    state: State<'_, AppState>,
    mapping: Vec<ColumnChoice>,
    mass_end_confirmed: bool,
) -> IpcResult<Preview> {
    let mapping = pairs(mapping);
    let report = with_list(&state, |table| {
        change(&state, |v| {
            let actor = v.actor().to_string();
            Ok(import::apply_confirmed(
                v.conn_mut(),
                table,
                &mapping,
                today(),
                &actor,
                now(),
                mass_end_confirmed,
            )?)
        })
    })?;
    *lock(&state.import) = None;
    Ok(report)
}

/// Forgets the loaded list (the wizard was closed).
#[tauri::command]
#[specta::specta]
pub fn import_cancel(state: State<'_, AppState>) {
    *lock(&state.import) = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo(dir: &Path) -> andel_core::vault::Vault {
        andel_core::demo::create(&dir.join("demo.andel"), Some(10), now()).expect("demo archive")
    }

    fn form(unit_id: Id, name: &str, from: NaiveDate, end_current: bool) -> MoveInForm {
        MoveInForm {
            unit_id,
            person_id: None,
            new_person: Some(PersonFields {
                name: Some(name.into()),
                ..Default::default()
            }),
            from,
            end_current,
        }
    }

    /// A new person and the take-over are one change: when andel-core refuses the take-over,
    /// the person is not left in the register.
    #[test]
    fn a_new_owner_is_added_with_the_take_over_or_not_at_all() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut vault = demo(dir.path());
        let today = now().date_naive();
        let unit = units::list(vault.conn(), today)
            .unwrap()
            .into_iter()
            .find(|u| !u.owners.is_empty())
            .expect("an owned unit");
        let people_before = people::all(vault.conn()).unwrap().len();

        // Before the current owners took over: refused, and nothing is kept.
        let refused = new_owner(
            &mut vault,
            &form(
                unit.unit.id,
                "Birgitte Holm",
                andel_core::dates::parse_iso("1900-01-01").unwrap(),
                true,
            ),
            today,
            now(),
        )
        .unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidInput);
        assert_eq!(people::all(vault.conn()).unwrap().len(), people_before);

        let done = new_owner(
            &mut vault,
            &form(unit.unit.id, "Birgitte Holm", today, true),
            today,
            now(),
        )
        .unwrap();
        assert_eq!(done.ownership.person_name, "Birgitte Holm");
        assert_eq!(done.ended.len(), unit.owners.len());
        assert_eq!(
            done.plate.map(|p| p.lines),
            Some(vec!["Birgitte Holm".into()])
        );
        assert_eq!(people::all(vault.conn()).unwrap().len(), people_before + 1);
        let owners = units::list(vault.conn(), today)
            .unwrap()
            .into_iter()
            .find(|u| u.unit.id == unit.unit.id)
            .unwrap()
            .owners;
        assert_eq!(owners, ["Birgitte Holm"]);
    }
}
