"""One builder per record a resolution changes: HO (:mod:`.ho`), SN (:mod:`.sn`), CO (:mod:`.co`)."""
