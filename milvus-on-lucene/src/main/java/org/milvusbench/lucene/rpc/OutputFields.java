package org.milvusbench.lucene.rpc;

import io.milvus.grpc.FieldSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.SchemaView;

/**
 * The output fields a search or query asked for, resolved as Milvus's proxy does: {@code *} is every
 * schema field and the whole dynamic field, {@code $meta} the whole dynamic field, and in a dynamic
 * collection any other unknown name a key of the dynamic field ({@code $meta} is then returned narrowed
 * to those keys, and the response lists the key names, which is how clients pick them out of it).
 *
 * @param fields schema fields to return as columns, the dynamic field last when any of it is asked for
 * @param dynamicKeys the dynamic keys asked for; ignored when {@code wholeDynamic}
 */
record OutputFields(List<FieldSchema> fields, Set<String> dynamicKeys, boolean wholeDynamic) {

  static OutputFields resolve(SchemaView schema, List<String> names) {
    Set<FieldSchema> out = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    FieldSchema dynamic = schema.dynamicFieldOrNull();
    boolean whole = false;
    for (String name : names) {
      FieldSchema f = schema.field(name);
      if (name.equals("*")) {
        schema.all().forEach(out::add);
        whole = dynamic != null;
      } else if (f != null) {
        out.add(f);
      } else if (dynamic == null) {
        throw MilvusException.fieldNotFound(name, "field " + name + " not exist");
      } else if (name.equals(SchemaView.DYNAMIC_FIELD)) {
        whole = true;
      } else {
        keys.add(name);
      }
    }
    if (whole || !keys.isEmpty()) {
      out.add(dynamic);
    }
    return new OutputFields(new ArrayList<>(out), keys, whole);
  }

  /** The same without the primary key (a search returns it as ids and its own column). */
  OutputFields withoutPrimaryKey() {
    List<FieldSchema> rest = new ArrayList<>(fields);
    rest.removeIf(FieldSchema::getIsPrimaryKey);
    return new OutputFields(rest, dynamicKeys, wholeDynamic);
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The response's output_fields: schema fields by name, then {@code $meta} or the dynamic keys asked for. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    for (FieldSchema f : fields) {
      if (!f.getIsDynamic()) {
        out.add(f.getName());
      }
    }
    if (wholeDynamic) {
      out.add(SchemaView.DYNAMIC_FIELD);
    } else {
      out.addAll(dynamicKeys);
    }
    return out;
  }
}
