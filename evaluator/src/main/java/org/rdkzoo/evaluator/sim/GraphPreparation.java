package org.rdkzoo.evaluator.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rdkzoo.evaluator.onnx.OnnxModel;
import org.rdkzoo.evaluator.onnx.Tensors;
import org.rdkzoo.evaluator.onnx.proto.Onnx.GraphProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ModelProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.NodeProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.TensorProto;
import org.rdkzoo.evaluator.onnx.proto.Onnx.ValueInfoProto;

/**
 * Brings a float model into the form the BPU quantizes, before anything is quantized:
 * <ul>
 * <li>every BatchNormalization that follows a Conv is folded into the Conv's weight and bias, as hb_mapper
 * does: per-tensor weight quantization must see the folded weights (the per-channel scales of the raw weights
 * would differ from the folded ones by the BatchNorm's factor, but a per-tensor scale would not). The Conv
 * keeps its name and takes the BatchNorm's output, so hb_mapper's names for the fused node still match;</li>
 * <li>every node gets a unique name ({@code <OpType>_<index>} for unnamed ones), since Q/DQ pairs are wired to
 * their readers by name.</li>
 * </ul>
 * The result computes the same function as the input, up to float rounding.
 */
public final class GraphPreparation {
    private GraphPreparation() {
    }

    public static OnnxModel prepare(OnnxModel model) {
        ModelProto.Builder m = model.proto().toBuilder();
        GraphProto.Builder g = m.getGraphBuilder();
        List<NodeProto> nodes = new ArrayList<>(g.getNodeList());
        Map<String, TensorProto> inits = new HashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            inits.put(t.getName(), t);
        }
        Set<String> outputs = new HashSet<>();
        for (ValueInfoProto v : g.getOutputList()) {
            outputs.add(v.getName());
        }
        Map<String, TensorProto> replaced = new HashMap<>();
        List<TensorProto> added = new ArrayList<>();
        Set<Integer> removed = new HashSet<>();
        Map<String, Integer> readers = readers(nodes);
        Map<String, Integer> producerIndex = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String o : nodes.get(i).getOutputList()) {
                producerIndex.put(o, i);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto bn = nodes.get(i);
            if (!"BatchNormalization".equals(bn.getOpType()) || !bn.getDomain().isEmpty() || bn.getOutputCount() != 1
                    || bn.getInputCount() != 5) {
                continue;
            }
            Integer ci = producerIndex.get(bn.getInput(0));
            if (ci == null || removed.contains(ci)) {
                continue;
            }
            NodeProto conv = nodes.get(ci);
            if (!"Conv".equals(conv.getOpType()) || !conv.getDomain().isEmpty() || conv.getInputCount() < 2
                    || readers.getOrDefault(conv.getOutput(0), 0) != 1 || outputs.contains(conv.getOutput(0))
                    || readers.getOrDefault(conv.getInput(1), 0) != 1) {
                continue;
            }
            TensorProto w = current(conv.getInput(1), inits, replaced);
            TensorProto b = conv.getInputCount() > 2 && !conv.getInput(2).isEmpty()
                    ? current(conv.getInput(2), inits, replaced) : null;
            if (w == null || conv.getInputCount() > 2 && !conv.getInput(2).isEmpty()
                    && (b == null || readers.getOrDefault(conv.getInput(2), 0) != 1)) {
                continue;
            }
            TensorProto[] bnParams = new TensorProto[4];
            boolean constant = true;
            for (int k = 0; k < 4; k++) {
                bnParams[k] = current(bn.getInput(k + 1), inits, replaced);
                constant &= bnParams[k] != null;
            }
            if (!constant) {
                continue;
            }
            float eps = bn.getAttributeList().stream().filter(a -> a.getName().equals("epsilon")).findFirst()
                    .map(a -> a.getF()).orElse(1e-5f);
            float[] gamma = Tensors.toFloats(bnParams[0]);
            float[] beta = Tensors.toFloats(bnParams[1]);
            float[] mean = Tensors.toFloats(bnParams[2]);
            float[] var = Tensors.toFloats(bnParams[3]);
            float[] weights = Tensors.toFloats(w);
            int channels = (int) w.getDims(0);
            if (gamma.length != channels) {
                continue;
            }
            int per = weights.length / channels;
            float[] bias = b != null ? Tensors.toFloats(b) : new float[channels];
            for (int c = 0; c < channels; c++) {
                double factor = gamma[c] / Math.sqrt((double) var[c] + eps);
                for (int k = c * per; k < (c + 1) * per; k++) {
                    weights[k] = (float) (weights[k] * factor);
                }
                bias[c] = (float) ((bias[c] - mean[c]) * factor + beta[c]);
            }
            replaced.put(w.getName(), Tensors.floats(w.getName(), Tensors.dims(w), weights));
            NodeProto.Builder folded = conv.toBuilder().setOutput(0, bn.getOutput(0));
            if (b != null) {
                replaced.put(b.getName(), Tensors.floats(b.getName(), new long[] {channels}, bias));
            } else {
                String name = unique(w.getName() + "_folded_bias", inits, added);
                added.add(Tensors.floats(name, new long[] {channels}, bias));
                while (folded.getInputCount() < 3) {
                    folded.addInput("");
                }
                folded.setInput(2, name);
            }
            nodes.set(ci, folded.build());
            removed.add(i);
            producerIndex.put(bn.getOutput(0), ci);
        }
        List<NodeProto> kept = new ArrayList<>(nodes.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (removed.contains(i)) {
                continue;
            }
            NodeProto n = nodes.get(i);
            String name = n.getName();
            if (name.isEmpty() || names.contains(name)) {
                String base = name.isEmpty() ? n.getOpType() + "_" + i : name;
                name = base;
                for (int k = 1; names.contains(name); k++) {
                    name = base + "_" + k;
                }
                n = n.toBuilder().setName(name).build();
            }
            names.add(name);
            kept.add(n);
        }
        g.clearNode().addAllNode(kept);
        List<TensorProto> initializers = new ArrayList<>();
        Set<String> stillRead = readers(kept).keySet();
        for (TensorProto t : g.getInitializerList()) {
            // BatchNorm parameters nobody reads any more are dropped.
            if (stillRead.contains(t.getName()) || outputs.contains(t.getName())) {
                initializers.add(replaced.getOrDefault(t.getName(), t));
            }
        }
        initializers.addAll(added);
        g.clearInitializer().addAllInitializer(initializers);
        List<ValueInfoProto> inputs = new ArrayList<>();
        Set<String> dropped = new HashSet<>(inits.keySet());
        initializers.forEach(t -> dropped.remove(t.getName()));
        for (ValueInfoProto v : g.getInputList()) {
            // Old models list initializers as inputs too: drop the ones just removed.
            if (!dropped.contains(v.getName())) {
                inputs.add(v);
            }
        }
        g.clearInput().addAllInput(inputs);
        return OnnxModel.of(m.build());
    }

    private static TensorProto current(String name, Map<String, TensorProto> inits, Map<String, TensorProto> replaced) {
        TensorProto t = replaced.get(name);
        return t != null ? t : inits.get(name);
    }

    private static Map<String, Integer> readers(List<NodeProto> nodes) {
        Map<String, Integer> readers = new HashMap<>();
        for (NodeProto n : nodes) {
            for (String in : new HashSet<>(n.getInputList())) {
                readers.merge(in, 1, Integer::sum);
            }
        }
        return readers;
    }

    private static String unique(String wanted, Map<String, TensorProto> inits, List<TensorProto> added) {
        Set<String> taken = new HashSet<>(inits.keySet());
        added.forEach(t -> taken.add(t.getName()));
        String name = wanted;
        for (int k = 1; taken.contains(name); k++) {
            name = wanted + "_" + k;
        }
        return name;
    }
}
