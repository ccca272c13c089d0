//! The header's controls and the notes above the dashboard: "Copy link", the language picker,
//! the banner naming a person's own data, the note on a link made with another release of the
//! data, and the settings of a link that were ignored.

use super::{download, import, url_sync, Ctx};
use crate::i18n::{self, Lang, Msg};
use leptos::prelude::*;

/// "Copy link": the address of exactly this view, to the clipboard; where the browser refuses,
/// the link is shown selected so it can be copied by hand.
#[component]
pub fn CopyLink() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let shown = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let link = url_sync::shared_link(&ctx);
        leptos::task::spawn_local(async move {
            if download::copy_text(&link).await {
                copied.set(true);
                shown.set(None);
            } else {
                shown.set(Some(link));
            }
        });
    };
    view! {
        <div class="share">
            <button id="copy-link" class="action" on:click=copy>{i18n::text(lang, Msg::CopyLink)}</button>
            <span class="copied" role="status">{move || copied.get().then(|| i18n::text(lang, Msg::LinkCopied))}</span>
            // A file from this device is not in the link: say so when it is copied.
            {move || {
                let local = ctx.link.with(|l| l.data.is_none())
                    && ctx.data.with(|d| d.as_ref().and_then(|d| d.source.clone()).is_some_and(|s| !s.starts_with("synthetic:")));
                (local && (copied.get() || shown.with(Option::is_some))).then(|| view! {
                    <span class="link-note" id="link-note" role="note">{i18n::local_file_link_note(lang)}</span>
                })
            }}
            {move || shown.get().map(|l| view! {
                <input id="link-text" class="link-text" readonly prop:value=l on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(t) = ev.target() { t.unchecked_into::<web_sys::HtmlInputElement>().select(); }
                }/>
            })}
        </div>
    }
}

/// English, Español, Português: choosing one reopens the same view in that language.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    let choose = move |ev| {
        let Some(chosen) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        let mut s = ctx.url_state();
        s.lang = chosen;
        let _ = window().location().set_href(&url_sync::link_to(&s));
    };
    view! {
        <select id="language" aria-label="Language / Idioma / Idioma" prop:value=lang.code() on:change=choose>
            {Lang::ALL.into_iter().map(|l| view! { <option value=l.code() lang=l.code()>{l.native_name()}</option> }).collect_view()}
        </select>
    }
}

/// Says which data is shown when it is not the bundled dataset; synthetic data is always labelled.
#[component]
pub fn SourceBanner() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    move || {
        let d = ctx.data.get()?;
        let source = d.source.clone()?;
        let synthetic = source.starts_with("synthetic:");
        let text = if synthetic {
            i18n::synthetic_banner(lang, d.index.len())
        } else {
            i18n::own_data_banner(lang, &source, d.index.len())
        };
        Some(view! {
            <p class="source-banner" class:synthetic=synthetic id="source-banner" role="status">{text}" "
                {(!synthetic && import::has_kept()).then(|| i18n::kept_note(lang))}" "
                <a href="./" id="back-to-bundled" on:click=move |_| import::forget_kept()>{i18n::text(lang, Msg::BackToBundled)}</a>
            </p>
        })
    }
}

/// A link made with another release of the bundled dataset: both versions, the releases since,
/// and where the changes are listed. Dismissed with its button.
#[component]
pub fn VersionNotice(made_with: Option<String>) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let open = RwSignal::new(made_with.is_some());
    move || {
        let v = made_with.clone().filter(|_| open.get())?;
        Some(view! {
            <div class="notice" id="version-notice" role="status">
                <p>{i18n::version_notice(lang, &v)}" "
                    <a href="data/CHANGELOG.txt" id="what-changed">{i18n::what_changed(lang)}</a>
                </p>
                <button class="clear small" on:click=move |_| open.set(false)>{i18n::text(lang, Msg::Dismiss)}</button>
            </div>
        })
    }
}

/// Settings in the link that were ignored, and why.
#[component]
pub fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    move || {
        let list = ctx.notices.get();
        (!list.is_empty()).then(|| view! {
            <div class="notice" id="notices" role="status">
                <strong>{i18n::text(lang, Msg::IgnoredSettings)}</strong>
                <ul>{list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button class="clear small" on:click=move |_| ctx.notices.set(Vec::new())>{i18n::text(lang, Msg::Dismiss)}</button>
            </div>
        })
    }
}
