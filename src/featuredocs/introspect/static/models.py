"""ModelFacts from the source of every installed app's ``models`` module or package.

A model is a class deriving, directly or through other classes, from ``models.Model``.
Fields declared on abstract bases are copied onto each child, a child of a concrete model
gets a ``<parent>_ptr`` link and the parent's fields, a proxy gets its concrete model's
fields, and every relation adds its reverse side to the model it points to: the same
fields ``_meta.get_fields()`` lists in live mode.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace

from featuredocs.introspect.imports import resolve_relative
from featuredocs.introspect.locate import class_index, method_facts
from featuredocs.introspect.static.apps import StaticApp
from featuredocs.introspect.static.classes import ClassRef, Classes
from featuredocs.introspect.static.django_known import FIELD_INTERNAL_TYPES
from featuredocs.introspect.static.model_attributes import attribute_names, choices_members, manager_names
from featuredocs.introspect.static.model_managers import (
    manager_annotations,
    manager_classes,
    manager_methods,
    managers_known,
)
from featuredocs.introspect.static.model_fields import FieldContext, declared_fields, forward_fact
from featuredocs.introspect.static.model_indexes import field_indexes, meta_indexes
from featuredocs.introspect.static.model_meta import (
    MetaOption,
    is_abstract,
    is_model,
    meta_options,
    model_bases,
)
from featuredocs.introspect.static.model_relations import LocalRelation, reverse_fact
from featuredocs.introspect.static.modules import Module
from featuredocs.introspect.static.settings import SettingsRead
from featuredocs.introspect.static.namespace import module_evaluator
from featuredocs.introspect.static.values import is_known
from featuredocs.model import FieldFact, IndexFact, ModelFact, SourceLocation

DEFAULT_AUTO_FIELD = "django.db.models.AutoField"


@dataclass
class StaticModel:
    """One model class while its facts are being assembled."""

    ref: ClassRef
    app_label: str
    abstract: bool
    proxy: bool
    options: dict[str, MetaOption]
    bases: list[ClassRef]
    own: list[FieldFact] = field(default_factory=list)  # forward fields of this model's table
    relations: list[LocalRelation] = field(default_factory=list)
    reverse: list[FieldFact] = field(default_factory=list)
    fields: tuple[FieldFact, ...] | None = None

    @property
    def name(self) -> str:
        return self.ref.name

    @property
    def label(self) -> str:
        return f"{self.app_label}.{self.name}"

    def option_value(self, classes: Classes, name: str) -> object:
        option = self.options.get(name)
        if option is None:
            return None
        return module_evaluator(classes.index, option.owner.module).eval(option.node)


class ModelReader:
    def __init__(self, classes: Classes, apps: list[StaticApp], settings: SettingsRead,
                 warnings: list[str]) -> None:
        self.classes = classes
        self.apps = apps
        self.settings = settings
        self.warnings = warnings
        self.models: dict[str, StaticModel] = {}
        user_model = settings.get("AUTH_USER_MODEL", "auth.User")
        self.user_model = user_model if isinstance(user_model, str) else "auth.User"

    def read(self) -> tuple[ModelFact, ...]:
        self._discover()
        for model in self.models.values():
            if not model.proxy:
                self._own_fields(model)
        self._add_reverse_relations()
        facts = []
        for model in self.models.values():
            try:
                facts.append(self._fact(model))
            except (RecursionError, ValueError, TypeError, AttributeError) as error:
                self.warnings.append(f"model {model.label}: cannot be read ({type(error).__name__})")
        return tuple(facts)

    # --- discovery ----------------------------------------------------------------------------

    def _discover(self) -> None:
        """Installed models in app order, then abstract ones as live mode lists them: the
        abstract bases of those models, then the project's own other abstract models."""
        concrete: list[StaticModel] = []
        own_abstract: list[StaticModel] = []
        for app in self.apps:
            for ref in self._model_classes(app):
                model = self._model(ref, app.label)
                if not model.abstract:
                    concrete.append(model)
                elif app.project:
                    own_abstract.append(model)
        concrete = [model for model in concrete if not self._swapped(model)]
        abstract: dict[str, StaticModel] = {}
        for model in concrete:
            for base in model.bases:
                if is_abstract(base) and base.dotted not in abstract:
                    abstract[base.dotted] = self._model(base, self._app_label(base))
        for model in own_abstract:
            abstract.setdefault(model.ref.dotted, model)
        for model in [*concrete, *abstract.values()]:
            self.models.setdefault(model.ref.dotted, model)

    def _model_classes(self, app: StaticApp) -> list[ClassRef]:
        found = []
        for module in self._models_modules(app):
            for qualname in class_index(module.tree):
                ref = self.classes.get(f"{module.name}.{qualname}") if "." not in qualname else None
                if ref is not None and ref.module is module and is_model(self.classes, ref):
                    found.append(ref)
        return found

    def _models_modules(self, app: StaticApp) -> list[Module]:
        """The app's ``models`` module, or a ``models/`` package's modules in the order its
        ``__init__`` imports them (the order Django registers their models in)."""
        modules = self.classes.index.submodules(f"{app.name}.models")
        if len(modules) < 2:
            return modules
        by_name = {m.name: m for m in modules}
        ordered: list[Module] = []

        def visit(module: Module) -> None:  # a module runs after the modules it imports
            ordered.append(module)
            position = len(ordered) - 1
            for target in _imported_modules(module):
                if target in by_name and by_name[target] not in ordered:
                    visit(by_name[target])
            ordered.append(ordered.pop(position))

        visit(modules[0])
        return ordered + [m for m in modules if m not in ordered]

    def _model(self, ref: ClassRef, app_label: str) -> StaticModel:
        options = meta_options(self.classes, ref)
        written = options.get("app_label")
        if written is not None and isinstance(written.node, ast.Constant):
            app_label = written.node.value if isinstance(written.node.value, str) else app_label
        proxy = options.get("proxy")
        return StaticModel(
            ref=ref,
            app_label=app_label,
            abstract=is_abstract(ref),
            proxy=proxy is not None and _is_true(proxy.node),
            options=options,
            bases=model_bases(self.classes, ref),
        )

    def _app_label(self, ref: ClassRef) -> str:
        owners = [app for app in self.apps if app.owns(ref.module.name)]
        if owners:
            return max(owners, key=lambda app: len(app.name)).label
        return ref.module.name.split(".")[0]

    def _swapped(self, model: StaticModel) -> bool:
        """``auth.User`` when ``AUTH_USER_MODEL`` names another model (``Meta.swappable``)."""
        setting = model.option_value(self.classes, "swappable")
        if not isinstance(setting, str):
            return False
        target = self.settings.get(setting)
        return isinstance(target, str) and target.lower() != model.label.lower()

    def label_of(self, dotted: str) -> str | None:
        model = self.models.get(dotted)
        if model is not None:
            return model.label
        ref = self.classes.get(dotted) if dotted else None
        if ref is not None and is_model(self.classes, ref):
            return f"{self._app_label(ref)}.{ref.name}"
        return None

    def by_label(self, label: str) -> StaticModel | None:
        for model in self.models.values():
            if model.label.lower() == label.lower() and not model.abstract:
                return model
        return None

    # --- fields ---------------------------------------------------------------------------------

    def _concrete_parent(self, model: StaticModel) -> StaticModel | None:
        for base in model.bases:
            candidate = self.models.get(base.dotted)
            if candidate is not None and not candidate.abstract:
                return candidate
        return None

    def _own_fields(self, model: StaticModel) -> None:
        parent = self._concrete_parent(model)
        inherited_classes = set(self.classes.mro(parent.ref.dotted)) if parent else set()
        contributing = [b for b in self._bases_first(model.ref, set())
                        if is_abstract(b) and b.dotted not in inherited_classes]
        decls = {}
        for ref in [*contributing, model.ref]:
            own_decls, hidden = declared_fields(self.classes, ref)
            for name in hidden:
                decls.pop(name, None)
            for decl in own_decls:
                decls.pop(decl.name, None)
                decls[decl.name] = decl
        ctx = FieldContext(self.classes, model.app_label, model.name, self.user_model, self.label_of)
        facts = []
        for decl in decls.values():
            fact = forward_fact(decl, ctx)
            facts.append(fact)
            if decl.forward_relation:
                evaluator = module_evaluator(self.classes.index, decl.owner.module)
                texts = [evaluator.eval(decl.option(n)) for n in ("related_name", "related_query_name")]
                symmetrical = evaluator.eval(decl.option("symmetrical"))
                model.relations.append(LocalRelation(
                    fact, decl.kind, *(t if isinstance(t, str) else None for t in texts),
                    symmetrical=symmetrical if isinstance(symmetrical, bool) else None,
                ))
        if not model.abstract and not any(f.primary_key for f in facts):
            primary = self._primary_key(model, parent)
            facts.insert(0, primary)
            if parent is not None:
                model.relations.append(LocalRelation(primary, "OneToOneField"))
        # ``_meta.get_fields()`` lists many-to-many fields after the others, private
        # fields (a GenericForeignKey, a GenericRelation) last
        private = [f for f in facts if f.column is None and not f.many_to_many]
        model.own = ([f for f in facts if not f.many_to_many and f not in private]
                     + [f for f in facts if f.many_to_many] + private)

    def _bases_first(self, ref: ClassRef, seen: set[str]) -> list[ClassRef]:
        """Model bases, each after its own bases, left to right: the order Django creates
        their fields in when every base comes from an earlier import."""
        order: list[ClassRef] = []
        for dotted in self.classes.bases(ref):
            base = self.classes.get(dotted)
            if base is None or base.dotted in seen or not is_model(self.classes, base):
                continue
            seen.add(base.dotted)
            order.extend(self._bases_first(base, seen))
            order.append(base)
        return order

    def _primary_key(self, model: StaticModel, parent: StaticModel | None) -> FieldFact:
        if parent is not None:
            name = f"{parent.name.lower()}_ptr"
            return FieldFact(
                name=name, field_class="OneToOneField", internal_type="OneToOneField",
                column=f"{name}_id", related_model=parent.label, primary_key=True, unique=True,
                db_index=True, is_relation=True, auto_created=True,
            )
        app = next((a for a in self.apps if a.label == model.app_label), None)
        dotted = (app.default_auto_field if app else None) or self.settings.get("DEFAULT_AUTO_FIELD")
        class_name, internal = self._auto_field(dotted if isinstance(dotted, str) else DEFAULT_AUTO_FIELD)
        return FieldFact(
            name="id", field_class=class_name, internal_type=internal, column="id",
            blank=True, primary_key=True, unique=True, auto_created=True,
        )

    def _auto_field(self, dotted: str) -> tuple[str, str]:
        name = dotted.rpartition(".")[2]
        for ancestor in self.classes.mro(dotted):
            short = ancestor.rpartition(".")[2]
            if short in FIELD_INTERNAL_TYPES:
                return name, FIELD_INTERNAL_TYPES[short]
        return name, name

    def _add_reverse_relations(self) -> None:
        for model in self.models.values():
            if model.abstract or model.proxy:
                continue
            for relation in model.relations:
                target = self.by_label(relation.fact.related_model or "")
                reverse = reverse_fact(relation, model.app_label, model.name)
                if target is not None and reverse is not None:
                    target = self._concrete_of(target)
                    target.reverse.append(reverse)

    def _concrete_of(self, model: StaticModel) -> StaticModel:
        seen = 0
        while model.proxy and seen < 8:
            parent = self._concrete_parent(model)
            if parent is None:
                break
            model, seen = parent, seen + 1
        return model

    def final_fields(self, model: StaticModel, depth: int = 0) -> tuple[FieldFact, ...]:
        if model.fields is not None:
            return model.fields
        parent = self._concrete_parent(model) if not model.abstract else None
        if parent is None or depth > 8:
            fields = tuple(model.reverse) + tuple(model.own)
        else:
            inherited = [
                f if f.inherited_from else replace(f, inherited_from=parent.label)
                for f in self.final_fields(parent, depth + 1)
                if not (f.reverse and (f.related_model or "").lower() == model.label.lower())
            ]
            if model.proxy:
                fields = tuple(inherited)
            else:  # the parent's fields come first, then the link to it and the child's own
                fields = tuple(model.reverse) + tuple(inherited) + tuple(model.own)
        model.fields = fields
        return fields

    # --- facts ------------------------------------------------------------------------------------

    def _fact(self, model: StaticModel) -> ModelFact:
        fields = self.final_fields(model)
        table_model = self._concrete_of(model) if model.proxy else model
        declared = manager_names(self.classes, model.ref, model.bases)
        managers = declared or ([] if model.abstract else ["objects"])
        parent = self._concrete_parent(model)
        rel = model.ref.module.rel
        behind_managers = manager_classes(self.classes, model.ref, model.bases)
        return ModelFact(
            app_label=model.app_label,
            name=model.name,
            module=model.ref.module.name,
            fields=fields,
            indexes=self._indexes(table_model),
            attributes=attribute_names(self.classes, model.ref, fields, managers,
                                       self._inherited_accessors(model)),
            methods=method_facts(
                (cls.module.rel, cls.node) for cls in self.classes.refs_in_mro(model.ref.dotted) if cls.module.rel
            ),
            managers=tuple(managers),
            manager_methods=manager_methods(behind_managers),
            manager_annotations=manager_annotations(behind_managers),
            managers_known=managers_known(self.classes, model.ref, model.bases),
            choices_members=choices_members(self.classes, model.ref),
            abstract=model.abstract,
            proxy=model.proxy,
            parents=(parent.label,) if parent is not None and not model.proxy else (),
            bases=tuple(self.label_of(b.dotted) or b.name for b in model.bases),
            ordering=self._ordering(model),
            location=SourceLocation(rel, model.ref.line()) if rel else None,
        )

    def _inherited_accessors(self, model: StaticModel) -> set[str]:
        """Reverse accessors a concrete parent's class carries (``place.shelf``): attributes
        of the child too, though not fields of it."""
        names: set[str] = set()
        parent = self._concrete_parent(model) if not model.abstract else None
        for _ in range(8):  # a chain of concrete parents, never a cycle
            if parent is None:
                break
            names |= {f.name for f in self.final_fields(parent) if f.reverse}
            parent = self._concrete_parent(parent)
        return names

    def _indexes(self, model: StaticModel) -> tuple[IndexFact, ...]:
        table = model.option_value(self.classes, "db_table")
        if not isinstance(table, str) or not table:
            table = f"{model.app_label}_{model.name.lower()}"
        columns = {f.name: f.column for f in model.own if f.column}
        facts = field_indexes(model.own)
        facts += meta_indexes(self.classes, model.options, table, columns, model.app_label,
                              model.name, model.abstract)
        return tuple(facts)

    def _ordering(self, model: StaticModel) -> tuple[str, ...]:
        option = model.options.get("ordering")
        if option is None or not isinstance(option.node, ast.List | ast.Tuple):
            return ()
        evaluator = module_evaluator(self.classes.index, option.owner.module)
        found = []
        for element in option.node.elts:
            value = evaluator.eval(element)
            plain = isinstance(value, str) and is_known(value)
            found.append(value if plain else option.owner.module.segment(element))
        return tuple(found)


def _is_true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _imported_modules(module: Module) -> list[str]:
    """Modules ``module`` imports from, in the order its import statements run."""
    found = []
    for statement in ast.walk(module.tree):
        if isinstance(statement, ast.ImportFrom):
            base = resolve_relative(module.name, module.is_package, statement.level, statement.module)
            if base:
                found.append((statement.lineno, base))
                found.extend((statement.lineno, f"{base}.{a.name}") for a in statement.names)
        elif isinstance(statement, ast.Import):
            found.extend((statement.lineno, a.name) for a in statement.names)
    return [name for _, name in sorted(found, key=lambda pair: pair[0])]
