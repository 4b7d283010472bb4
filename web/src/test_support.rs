//! Test support: `window.goroscopeTestSupport.spin()` asks the worker to spin forever
//! (`Request::Spin`), so the end-to-end test can press Stop on a busy worker before the
//! machine can run a `for {}` program. Not a product feature; it goes away with
//! `Request::Spin`.

use wasm_bindgen::prelude::*;

/// Keeps the hook installed on `window` while alive.
pub struct Hook {
    _spin: Closure<dyn Fn()>,
}

/// Installs the hook; `spin` starts a spinning run.
pub fn install(spin: impl Fn() + 'static) -> Hook {
    let spin = Closure::<dyn Fn()>::new(spin);
    let object = js_sys::Object::new();
    // Setting plain properties on fresh objects and on `window` cannot fail.
    let _ = js_sys::Reflect::set(&object, &"spin".into(), spin.as_ref());
    let _ = js_sys::Reflect::set(&js_sys::global(), &"goroscopeTestSupport".into(), &object);
    Hook { _spin: spin }
}

impl Drop for Hook {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::delete_property(&js_sys::global(), &"goroscopeTestSupport".into());
    }
}
