"""Validated models made smaller to keep: what lets 100,000 indicators fit in memory.

pydantic gives every model instance a set of the fields its input set
(``__pydantic_fields_set__``): 216 bytes for up to four names, 728 beyond, often more than the
instance's own values. Models of one file set the same few combinations of fields, and every
model of cbkpi is frozen, so pydantic never changes such a set after validation (only
``__setattr__`` on a mutable model adds to it; ``model_copy`` copies it first). One set per
combination, shared by every instance that has it, answers every question the same way.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

_SHARED: dict[frozenset[str], set[str]] = {}
"""One set per combination of fields set, for every model of the process."""


def _may_hold_model(annotation: Any) -> bool:
    """Whether a field's values can be (or contain) models: ``Ref | None``, ``list[Target]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(arg) for arg in get_args(annotation))


_PLANS: dict[type, tuple[bool, tuple[str, ...]] | None] = {}
"""Per class: None for what is not a model, else whether it is frozen and its fields whose
values can hold models, in field order."""


def _plan(cls: type) -> tuple[bool, tuple[str, ...]] | None:
    if not issubclass(cls, BaseModel):
        return None
    fields = tuple(name for name, field in cls.model_fields.items() if _may_hold_model(field.annotation))
    return bool(cls.model_config.get("frozen")), fields


def not_kept(cls: type[BaseModel]) -> None:
    """Instances of ``cls`` are dropped soon after validation (observations are kept as plain
    records): their fields sets are left as they are, not shared. Sharing the sets of 50,000
    observations only to drop them took about a fifth of an observations file's validation."""
    plan = _plan(cls)
    _PLANS[cls] = (False, plan[1] if plan is not None else ())


def fields_holding_models(cls: type) -> tuple[str, ...] | None:
    """The fields of model class ``cls`` whose values can be or hold models, in field order;
    None when ``cls`` is not a model."""
    try:
        plan = _PLANS[cls]
    except KeyError:
        plan = _PLANS[cls] = _plan(cls)
    return None if plan is None else plan[1]


def share_fields_sets(model: BaseModel | list[Any]) -> None:
    """Give ``model`` (or each model of a list) and every frozen model inside it the shared set
    equal to its own fields set (a mutable model keeps its own: it would add to a set others
    share). A model whose set is already the shared one was given it, with everything inside
    it, by an earlier call: it is not walked again.

    One loop over a stack, with a plan per class: ``isinstance`` against pydantic's metaclass
    and a call per model made this cost more than the validation's own Python code."""
    shared, plans = _SHARED, _PLANS
    stack: list[Any] = [model]
    pop, push, extend = stack.pop, stack.append, stack.extend
    setattr_ = object.__setattr__
    while stack:
        m = pop()
        cls = type(m)
        try:
            plan = plans[cls]
        except KeyError:
            plan = plans[cls] = _plan(cls)
        if plan is None:
            if cls is list:
                extend(m)
            continue  # else an item of a list that is not a model
        frozen, fields = plan
        if frozen:
            own = m.__pydantic_fields_set__
            key = frozenset(own)
            one = shared.get(key)
            if one is own:
                continue  # shared by an earlier call, and so is everything inside it
            if one is None:
                shared[key] = own
            else:
                setattr_(m, "__pydantic_fields_set__", one)
        values = m.__dict__
        for name in fields:
            value = values[name]
            if value is None:
                continue
            if type(value) is list:
                extend(value)
            else:
                push(value)
