//! What the compiler reads from `Info`, on small programs: captures and boxing,
//! natives and variadic packing, interface conversions, selections with embedding
//! paths and auto-address, generic type arguments, constants of stdlib types.

use goroscope_types::{CallKind, Info, ObjKind, Selection, TypeId, Value, check};

fn checked(src: &str) -> Info {
    let parsed = goroscope_syntax::parse_file(src);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let c = check(&parsed.file);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    c.info
}

fn var_named<'a>(info: &'a Info, name: &str) -> &'a goroscope_types::VarInfo {
    info.objects
        .iter()
        .filter(|o| o.name == name && o.span.end > 0)
        .find_map(|o| o.var_info())
        .unwrap_or_else(|| panic!("no variable {name}"))
}

#[test]
fn captured_and_address_taken_variables_need_boxes() {
    let info = checked(
        "package main\nfunc main() {\n\tx := 1\n\tf := func() int { return x }\n\ty := 2\n\tp := &y\n\tz := 3\n\tprintln(f(), *p, z)\n}\n",
    );
    assert!(var_named(&info, "x").captured && var_named(&info, "x").needs_box());
    assert!(var_named(&info, "y").addr_taken && var_named(&info, "y").needs_box());
    assert!(!var_named(&info, "z").needs_box());
    assert!(!var_named(&info, "f").needs_box());
    let caps: Vec<_> = info.captures.iter().flatten().collect();
    assert_eq!(caps.len(), 1);
    assert_eq!(info.object(caps[0][0]).name, "x");
}

#[test]
fn native_calls_pack_variadic_any_and_box_arguments() {
    let info = checked("package main\nimport \"fmt\"\nfunc main() {\n\tfmt.Println(1, \"a\")\n}\n");
    let call = info.calls.iter().flatten().next().expect("a call");
    let CallKind::Func(f) = call.kind else {
        panic!("{:?}", call.kind)
    };
    assert_eq!(
        info.object(f)
            .func_info()
            .and_then(|fi| fi.native.as_deref()),
        Some("fmt.Println")
    );
    assert!(call.pack_variadic);
    let boxed: Vec<TypeId> = info.conversions.iter().flatten().copied().collect();
    assert_eq!(
        boxed,
        vec![TypeId::EMPTY_INTERFACE, TypeId::EMPTY_INTERFACE]
    );
    // The untyped constants took their default types before boxing.
    let consts: Vec<TypeId> = info
        .exprs
        .iter()
        .flatten()
        .filter(|tv| tv.value.is_some())
        .map(|tv| tv.ty)
        .collect();
    assert_eq!(consts, vec![TypeId::INT, TypeId::STRING]);
}

#[test]
fn selections_record_embedding_paths_and_auto_address() {
    let info = checked(
        "package main\ntype Animal struct{ Name string }\nfunc (a *Animal) Rename(n string) { a.Name = n }\ntype Dog struct {\n\tAge int\n\tAnimal\n}\nfunc main() {\n\tvar d Dog\n\td.Rename(\"x\")\n\tprintln(d.Name)\n}\n",
    );
    let sels: Vec<&Selection> = info.selections.iter().flatten().collect();
    assert!(
        sels.iter().any(
            |s| matches!(s, Selection::Field { path, indirect: false } if path == &vec![1, 0])
        )
    );
    assert!(sels.iter().any(|s| matches!(s, Selection::Method { path, addr: true, deref: false, .. } if path == &vec![1])));
    assert!(var_named(&info, "d").addr_taken);
}

#[test]
fn generic_calls_carry_type_arguments() {
    let info = checked(
        "package main\nfunc Sum[T ~int | ~float64](xs []T) T {\n\tvar t T\n\tfor _, x := range xs {\n\t\tt += x\n\t}\n\treturn t\n}\nfunc main() {\n\tprintln(Sum([]float64{1.5}), Sum[int](nil))\n}\n",
    );
    let targs: Vec<Vec<TypeId>> = info
        .calls
        .iter()
        .flatten()
        .filter(|c| !c.type_args.is_empty())
        .map(|c| c.type_args.clone())
        .collect();
    assert_eq!(targs, vec![vec![TypeId::FLOAT64], vec![TypeId::INT]]);
}

#[test]
fn stdlib_constants_are_typed() {
    let info = checked(
        "package main\nimport \"time\"\nfunc main() {\n\td := 2 * time.Second\n\tprintln(d)\n}\n",
    );
    let d = info
        .objects
        .iter()
        .find(|o| o.name == "d" && o.pkg.as_deref() == Some("main"))
        .expect("d");
    assert_eq!(info.types.display(d.ty), "time.Duration");
    let folded = info
        .exprs
        .iter()
        .flatten()
        .find(|tv| tv.value == Some(Value::Int(2_000_000_000)))
        .expect("2*time.Second folded");
    assert_eq!(folded.ty, d.ty);
    let second = info
        .objects
        .iter()
        .find(|o| o.name == "Second")
        .expect("time.Second");
    assert!(matches!(
        second.kind,
        ObjKind::Const(Value::Int(1_000_000_000))
    ));
}

#[test]
fn type_switch_clauses_get_their_own_variables() {
    let info = checked(
        "package main\nfunc main() {\n\tvar v any = 1\n\tswitch x := v.(type) {\n\tcase int:\n\t\tprintln(x + 1)\n\tcase string, bool:\n\t\tprintln(x)\n\t}\n}\n",
    );
    let vars: Vec<TypeId> = info
        .implicits
        .iter()
        .flatten()
        .map(|&o| info.object(o).ty)
        .collect();
    assert_eq!(vars, vec![TypeId::INT, TypeId::EMPTY_INTERFACE]);
}

#[test]
fn method_sets_follow_receivers_and_embedding() {
    let info = checked(
        "package main\ntype A struct{}\nfunc (A) V()  {}\nfunc (*A) P() {}\ntype B struct{ A }\ntype C struct{ *A }\nfunc main() {\n\tvar b B\n\tvar c C\n\tprintln(b, c)\n}\n",
    );
    let ty = |name: &str| {
        info.objects
            .iter()
            .find(|o| o.name == name && matches!(o.kind, ObjKind::TypeName { .. }))
            .map(|o| o.ty)
            .unwrap()
    };
    let names = |t| {
        goroscope_types::lookup::method_set(&info, t)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>()
    };
    let (a, b, c) = (ty("A"), ty("B"), ty("C"));
    assert_eq!(names(a), vec!["V"]);
    let mut info2 = info.clone();
    let pa = info2.types.pointer(a);
    let pb = info2.types.pointer(b);
    let names2 = |t| {
        goroscope_types::lookup::method_set(&info2, t)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>()
    };
    assert_eq!(names2(pa), vec!["P", "V"]);
    assert_eq!(names(b), vec!["V"]);
    assert_eq!(names2(pb), vec!["P", "V"]);
    assert_eq!(names(c), vec!["P", "V"]);
}

#[test]
fn package_variables_initialise_dependencies_first() {
    let info = checked(
        "package main\nvar a = b + 1\nvar c = f()\nvar b = 2\nvar d = 4\nfunc f() int { return d }\nfunc main() { println(a, c) }\n",
    );
    let order: Vec<&str> = info
        .init_order
        .iter()
        .map(|i| info.object(i.lhs[0]).name.as_str())
        .collect();
    assert_eq!(order, vec!["b", "a", "d", "c"]);
}

#[test]
fn untyped_float_constants_are_exact() {
    let info = checked(
        "package main\nconst third = 1.0 / 3\nconst tenth = 0.1\nfunc main() {\n\tprintln(0.1+0.2, 0.1+0.2 == 0.3, tenth*3 == 0.3, third*3 == 1, -(0.1 + 0.2))\n}\n",
    );
    let values: Vec<&Value> = info
        .exprs
        .iter()
        .flatten()
        .filter_map(|tv| tv.value.as_ref())
        .collect();
    assert!(values.contains(&&Value::Float(0.3)), "{values:?}");
    assert!(values.contains(&&Value::Float(-0.3)), "{values:?}");
    assert!(!values.contains(&&Value::Float(0.1 + 0.2)), "{values:?}");
    let bools: Vec<bool> = values.iter().filter_map(|v| v.as_bool()).collect();
    assert_eq!(bools, vec![true, true, true]);
}
