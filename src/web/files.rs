//! Files in and out: download a text as a file, read a picked or dropped file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offer `text` as a file download. Uses a `blob:` URL, so nothing leaves the browser.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &blob_type(mime)).map_err(|e| format!("{e:?}"))?;
    offer(filename, &blob)
}

/// Offer `bytes` (a Word document, say) as a file download, the same way.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &blob_type(mime)).map_err(|e| format!("{e:?}"))?;
    offer(filename, &blob)
}

fn blob_type(mime: &str) -> web_sys::BlobPropertyBag {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    options
}

fn offer(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name for a plan: its name reduced to safe characters.
pub fn file_name(plan_name: &str, suffix: &str) -> String {
    let slug: String = plan_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "plan".to_string() } else { slug.chars().take(60).collect() };
    format!("{slug}{suffix}")
}

/// The bytes of a file, or an error before reading if it is larger than `limit`.
pub async fn read(file: &web_sys::File, limit: usize) -> Result<Vec<u8>, ReadError> {
    let size = file.size() as usize;
    if size > limit {
        return Err(ReadError::TooLarge(size));
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| ReadError::Failed(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

pub enum ReadError {
    TooLarge(usize),
    Failed(String),
}

/// Every file of a picked or dropped list, in order.
pub fn list(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Open the picker of a hidden file input from a button's click. The
/// input's click is dispatched after the button's handler returns: clicked
/// inside it, the input's own click event would bubble into the delegated
/// handler that is still running ("closure invoked recursively").
pub fn open_picker(input: web_sys::HtmlInputElement) {
    leptos::prelude::set_timeout(move || input.click(), std::time::Duration::ZERO);
}
