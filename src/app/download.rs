//! Saving files from the page: text (CSV, JSON, SVG) through a Blob, images through a data URL.

use wasm_bindgen::{JsCast, JsValue};

fn click_link(href: &str, filename: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(href);
    a.set_download(filename);
    a.set_attribute("hidden", "")?;
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    Ok(())
}

/// Offers `text` as a file named `filename` of type `mime`.
pub fn save_text(filename: &str, mime: &str, text: &str) {
    let result = (|| -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        click_link(&url, filename)?;
        // Freed a minute later, not at once: a browser may still be reading the file when the
        // click returns, and freeing it then can cancel the download.
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(60),
        );
        Ok(())
    })();
    if let Err(e) = result {
        leptos::logging::warn!("could not save {filename}: {e:?}");
    }
}

/// Offers a canvas's content as a PNG file.
pub fn save_canvas_png(filename: &str, canvas: &web_sys::HtmlCanvasElement) {
    match canvas.to_data_url_with_type("image/png") {
        Ok(url) => {
            let _ = click_link(&url, filename);
        }
        Err(e) => leptos::logging::warn!("could not save {filename}: {e:?}"),
    }
}

/// Puts text on the clipboard; false when the browser refuses (then the caller shows the text).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Today's date as YYYY-MM-DD in the person's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
