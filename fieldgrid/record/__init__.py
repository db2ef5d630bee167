"""What a record is, in one place: the table names, clock stamps and ``_meta``, the codec between stored
documents and model objects, and the merge rules.  Used alike by the device's TinyDB store, the bundles on the
stick and the station's database; pure functions over JSON trees, no I/O."""
