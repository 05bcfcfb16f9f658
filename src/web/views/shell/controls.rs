//! The display switches in the top bar (undo and redo, workshop mode,
//! theme, shortcuts) and the shortcuts help they open.

use leptos::prelude::*;

use crate::app::shortcuts::HELP;
use crate::web::display::display;
use crate::web::views::app;

/// Workshop mode, theme, undo/redo and help, in the top bar.
#[component]
pub fn DisplayControls() -> impl IntoView {
    let app = app();
    let d = display();
    let open = Memo::new(move |_| app.session.open().is_some());
    view! {
        <div class="display-controls">
            <Show when=move || open.get()>
                <button type="button" class="bar" on:click=move |_| app.undo() disabled=move || !app.session.open().is_some_and(|o| o.can_undo.get())
                    aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">"Undo"</button>
                <button type="button" class="bar" on:click=move |_| app.redo() disabled=move || !app.session.open().is_some_and(|o| o.can_redo.get())
                    aria-keyshortcuts="Control+Shift+Z" title="Redo (Shift+Ctrl+Z)">"Redo"</button>
            </Show>
            <button type="button" class="bar" aria-pressed=move || d.workshop.get().to_string()
                aria-keyshortcuts="W" on:click=move |_| d.toggle_workshop()>"Workshop mode"</button>
            <button type="button" class="bar" aria-pressed=move || d.dark.get().to_string()
                aria-keyshortcuts="T" on:click=move |_| d.toggle_theme()>"Dark theme"</button>
            <button type="button" class="bar" aria-keyshortcuts="?" on:click=move |_| d.help.set(true)>"Shortcuts"</button>
        </div>
    }
}

/// The shortcuts overlay, a native modal dialog (Escape closes it).
#[component]
pub fn ShortcutsHelp() -> impl IntoView {
    let d = display();
    let node = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(dialog) = node.get() else { return };
        if d.help.get() && !dialog.open() {
            let _ = dialog.show_modal();
        } else if !d.help.get() && dialog.open() {
            dialog.close();
        }
    });
    view! {
        <dialog node_ref=node class="modal help" aria-labelledby="help-title"
            // Escape closes the help at once, as the app's other dialogs do: the
            // browser's own close event comes a task later, and a shortcut pressed
            // in between was ignored as if the help were still open.
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); d.help.set(false); }
            on:close=move |_| d.help.set(false)>
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            // Keys and what they do, in two columns so that the list fits
            // 1280 x 720 (it scrolls inside the dialog on a smaller screen).
            <dl class="shortcuts">
                {HELP.iter().map(|(keys, what)| view! { <div><dt><kbd>{*keys}</kbd></dt><dd>{*what}</dd></div> }).collect_view()}
            </dl>
            <p class="hint">"Letter shortcuts work when the focus is not in a text field."</p>
            <div class="actions">
                <button type="button" class="primary" autofocus on:click=move |_| d.help.set(false)>"Close"</button>
            </div>
        </dialog>
    }
}
