package org.rdkzoo.evaluator.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.onnx.proto.Onnx;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;

import ai.onnx.proto.OnnxMl;

/**
 * Our onnx.proto subset against the full upstream schema (Tribuo ships it compiled as
 * {@code ai.onnx.proto.OnnxMl}): same numbers, names, types and labels for every field we declare,
 * and a model written with the full schema survives a rewrite through ours.
 */
class OnnxSchemaCrossCheckTest {

    @Test
    void everyFieldOfTheSubsetHasUpstreamsNumberNameTypeAndLabel() {
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (Descriptor ours : Onnx.getDescriptor().getMessageTypes()) {
            checked += compare(ours, upstream(ours.getName()), problems);
        }
        for (EnumDescriptor e : Onnx.getDescriptor().getEnumTypes()) {
            problems.add("unexpected top-level enum " + e.getName());
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 60, "checked only " + checked + " fields");
    }

    private static Descriptor upstream(String name) {
        Descriptor d = OnnxMl.getDescriptor().findMessageTypeByName(name);
        assertNotNull(d, "upstream has no message " + name);
        return d;
    }

    private static int compare(Descriptor ours, Descriptor theirs, List<String> problems) {
        int n = 0;
        for (FieldDescriptor f : ours.getFields()) {
            FieldDescriptor u = theirs.findFieldByNumber(f.getNumber());
            String where = ours.getName() + "." + f.getName() + " = " + f.getNumber();
            if (u == null) {
                problems.add(where + ": no such field number upstream");
                continue;
            }
            if (!u.getName().equals(f.getName())) {
                problems.add(where + ": upstream calls it " + u.getName());
            }
            if (u.getType() != f.getType()) {
                problems.add(where + ": type " + f.getType() + ", upstream " + u.getType());
            }
            if (u.isRepeated() != f.isRepeated()) {
                problems.add(where + ": repeated " + f.isRepeated() + ", upstream " + u.isRepeated());
            }
            if (u.isPacked() != f.isPacked()) {
                problems.add(where + ": packed " + f.isPacked() + ", upstream " + u.isPacked());
            }
            if (f.getType() == FieldDescriptor.Type.MESSAGE && !u.getMessageType().getName().equals(f.getMessageType().getName())) {
                problems.add(where + ": message " + f.getMessageType().getName() + ", upstream " + u.getMessageType().getName());
            }
            if (f.getType() == FieldDescriptor.Type.ENUM) {
                compareEnums(f.getEnumType(), u.getEnumType(), problems);
            }
            n++;
        }
        for (Descriptor nested : ours.getNestedTypes()) {
            Descriptor u = theirs.findNestedTypeByName(nested.getName());
            if (u == null) {
                problems.add(ours.getName() + "." + nested.getName() + ": no such nested message upstream");
            } else {
                n += compare(nested, u, problems);
            }
        }
        for (EnumDescriptor e : ours.getEnumTypes()) {
            EnumDescriptor u = theirs.findEnumTypeByName(e.getName());
            if (u == null) {
                problems.add(ours.getName() + "." + e.getName() + ": no such enum upstream");
            } else {
                compareEnums(e, u, problems);
            }
        }
        return n;
    }

    private static void compareEnums(EnumDescriptor ours, EnumDescriptor theirs, List<String> problems) {
        for (EnumValueDescriptor v : ours.getValues()) {
            EnumValueDescriptor u = theirs.findValueByName(v.getName());
            if (u == null || u.getNumber() != v.getNumber()) {
                problems.add(ours.getName() + "." + v.getName() + " = " + v.getNumber() + ": upstream "
                        + (u == null ? "has no such value" : "says " + u.getNumber()));
            }
        }
    }

    @Test
    void fieldsOutsideTheSubsetSurviveARewrite() throws Exception {
        OnnxMl.ModelProto full = OnnxMl.ModelProto.parseFrom(TinyGraphs.convNet(13).toByteArray()).toBuilder()
                .addFunctions(OnnxMl.FunctionProto.newBuilder().setName("MyFunc").setDomain("custom")
                        .addInput("a").addOutput("b")
                        .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Relu").addInput("a").addOutput("b")))
                .addTrainingInfo(OnnxMl.TrainingInfoProto.newBuilder()
                        .addUpdateBinding(OnnxMl.StringStringEntryProto.newBuilder().setKey("k").setValue("v")))
                .build();
        OnnxMl.GraphProto.Builder graph = full.getGraph().toBuilder()
                .addSparseInitializer(OnnxMl.SparseTensorProto.newBuilder().addDims(4)
                        .setValues(OnnxMl.TensorProto.newBuilder().setName("sparse").setDataType(1).addDims(1).addFloatData(2f))
                        .setIndices(OnnxMl.TensorProto.newBuilder().setDataType(7).addDims(1).addInt64Data(3)));
        graph.setNode(0, graph.getNode(0).toBuilder().addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey("origin").setValue("conv layer")));
        full = full.toBuilder().setGraph(graph).build();

        OnnxModel ours = OnnxModel.parse(full.toByteArray());
        OnnxEditor editor = ours.edit().addOutputs("relu_out");
        editor.insertQdq("relu_out", QuantSpec.perTensor(DataType.INT8, 0.1f, 0));
        OnnxMl.ModelProto back = OnnxMl.ModelProto.parseFrom(editor.build().toByteArray());

        assertEquals(full.getFunctionsList(), back.getFunctionsList());
        assertEquals(full.getTrainingInfoList(), back.getTrainingInfoList());
        assertEquals(full.getGraph().getSparseInitializerList(), back.getGraph().getSparseInitializerList());
        assertEquals("conv layer", back.getGraph().getNode(0).getMetadataProps(0).getValue());
        assertEquals(full.getGraph().getNodeCount() + 2, back.getGraph().getNodeCount());
        assertTrue(back.getGraph().getOutputList().stream().anyMatch(o -> o.getName().equals("relu_out")));
    }
}
