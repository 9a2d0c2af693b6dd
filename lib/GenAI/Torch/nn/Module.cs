using System.Reflection;
using GenAI.Torch.Modules;
using static GenAI.Torch.torch;

namespace GenAI.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base of all layers (TorchSharp: <c>torch.nn.Module</c>). Submodules, parameters and buffers
        /// are found in registered entries and, without ceremony, in the instance's fields.
        /// </summary>
        public abstract class Module : IDisposable
        {
            private readonly List<(string name, Module module)> registeredModules = [];
            private readonly List<(string name, Parameter parameter)> registeredParameters = [];
            private readonly List<(string name, Tensor buffer)> registeredBuffers = [];
            private bool isTraining = true;

            protected Module(string name) => this.name = name;

            /// <summary>The name given at construction (TorchSharp: <c>GetName()</c>).</summary>
            public string name { get; }

            public string GetName() => name;

            /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
            public bool training => isTraining;

            // ---- registration -------------------------------------------------------------

            public void register_module(string name, Module submodule)
            {
                registeredModules.RemoveAll(e => e.name == name);
                registeredModules.Add((name, submodule));
            }

            public void register_parameter(string name, Parameter? param)
            {
                registeredParameters.RemoveAll(e => e.name == name);
                if (param is not null) registeredParameters.Add((name, param));
            }

            public void register_buffer(string name, Tensor tensor, bool persistent = true)
            {
                registeredBuffers.RemoveAll(e => e.name == name);
                registeredBuffers.Add((name, tensor));
            }

            /// <summary>Kept for TorchSharp parity: fields are discovered automatically anyway.</summary>
            protected void RegisterComponents() { }

            private static readonly Dictionary<Type, FieldInfo[]> FieldCache = [];

            private static FieldInfo[] FieldsOf(Type type)
            {
                lock (FieldCache)
                {
                    if (FieldCache.TryGetValue(type, out var cached)) return cached;
                    var list = new List<FieldInfo>();
                    var chain = new List<Type>();
                    for (var t = type; t is not null && t != typeof(Module); t = t.BaseType) chain.Add(t);
                    chain.Reverse(); // base-class fields first, each in declaration order
                    foreach (var t in chain)
                        foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                            if ((!f.Name.StartsWith('<') || f.Name.EndsWith(">k__BackingField")) && (typeof(Module).IsAssignableFrom(f.FieldType) || typeof(Tensor).IsAssignableFrom(f.FieldType)
                                || typeof(IEnumerable<Module>).IsAssignableFrom(f.FieldType)))
                                list.Add(f);
                    return FieldCache[type] = list.ToArray();
                }
            }

            private static string FieldName(FieldInfo f)
            {
                var n = f.Name;
                if (n.StartsWith('<') && n.Contains(">k__BackingField")) n = n[1..n.IndexOf('>')];
                return n;
            }

            /// <summary>Direct children: registered ones first, then module fields.</summary>
            public IEnumerable<(string name, Module module)> named_children()
            {
                var seen = new HashSet<string>();
                var used = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                foreach (var e in registeredModules)
                    if (seen.Add(e.name) && used.Add(e.module)) yield return e;
                foreach (var f in FieldsOf(GetType()))
                {
                    var value = f.GetValue(this);
                    if (value is Module m)
                    {
                        var n = FieldName(f);
                        if (seen.Add(n) && used.Add(m)) yield return (n, m);
                    }
                    else if (value is IEnumerable<Module> list && value is not Module)
                    {
                        int i = 0;
                        foreach (var item in list)
                        {
                            var n = $"{FieldName(f)}.{i++}";
                            if (seen.Add(n) && used.Add(item)) yield return (n, item);
                        }
                    }
                }
            }

            public IEnumerable<Module> children() => named_children().Select(e => e.module);

            public IEnumerable<(string name, Module module)> named_modules()
            {
                yield return ("", this);
                foreach (var (n, m) in named_children())
                    foreach (var (sub, mm) in m.named_modules())
                        yield return (sub.Length == 0 ? n : $"{n}.{sub}", mm);
            }

            public IEnumerable<Module> modules() => named_modules().Select(e => e.module);

            private IEnumerable<(string name, Parameter parameter)> OwnParameters()
            {
                var seen = new HashSet<string>();
                foreach (var e in registeredParameters)
                    if (seen.Add(e.name)) yield return e;
                foreach (var f in FieldsOf(GetType()))
                    if (f.GetValue(this) is Modules.Parameter p && seen.Add(FieldName(f))) yield return (FieldName(f), p);
            }

            private IEnumerable<(string name, Tensor buffer)> OwnBuffers()
            {
                var seen = new HashSet<string>();
                foreach (var e in registeredBuffers)
                    if (seen.Add(e.name)) yield return e;
                foreach (var f in FieldsOf(GetType()))
                    if (f.GetValue(this) is Tensor t && t is not Modules.Parameter && seen.Add(FieldName(f)) && !f.IsDefined(typeof(NonPersistentAttribute)))
                        yield return (FieldName(f), t);
            }

            /// <summary>All parameters with dotted names like "encoder.0.weight" (each parameter once).</summary>
            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
                foreach (var e in OwnParameters())
                    if (seen.Add(e.parameter)) yield return e;
                if (!recurse) yield break;
                foreach (var (n, m) in named_children())
                    foreach (var (pn, p) in m.named_parameters(true))
                        if (seen.Add(p)) yield return ($"{n}.{pn}", p);
            }

            public virtual IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(e => e.parameter);

            public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true)
            {
                foreach (var e in OwnBuffers()) yield return e;
                if (!recurse) yield break;
                foreach (var (n, m) in named_children())
                    foreach (var (bn, b) in m.named_buffers(true))
                        yield return ($"{n}.{bn}", b);
            }

            public virtual IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(e => e.buffer);

            // ---- modes ------------------------------------------------------------------------

            /// <summary>Switches this module and all submodules to training (true) or evaluation (false) mode.</summary>
            public virtual void train(bool train = true)
            {
                isTraining = train;
                foreach (var c in children()) c.train(train);
            }

            public virtual void eval() => train(false);

            /// <summary>Sets every parameter's gradient to null (default) or to zero.</summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (p.grad is null) continue;
                    if (set_to_none) p.grad = null;
                    else using (no_grad()) p.grad.zero_();
                }
            }

            // ---- state -------------------------------------------------------------------------

            /// <summary>Parameters and buffers by dotted name; the tensors share storage with the module.</summary>
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                var d = destination ?? [];
                foreach (var (n, p) in named_parameters()) d[(prefix ?? "") + n] = p;
                foreach (var (n, b) in named_buffers()) d[(prefix ?? "") + n] = b;
                return d;
            }

            /// <summary>Copies tensors into the module's parameters/buffers by name; strict demands an exact key match.</summary>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                var own = state_dict();
                var missing = own.Keys.Where(k => !source.ContainsKey(k) && (skip is null || !skip.Contains(k))).ToList();
                var unexpected = source.Keys.Where(k => !own.ContainsKey(k)).ToList();
                if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    throw new ArgumentException("load_state_dict: die Namen passen nicht. " +
                        (missing.Count > 0 ? $"Fehlend: {string.Join(", ", missing)}. " : "") +
                        (unexpected.Count > 0 ? $"Unerwartet: {string.Join(", ", unexpected)}. " : "") +
                        "Prüfe, ob das Modell gleich aufgebaut ist, oder nutze strict: false.");
                using (no_grad())
                    foreach (var (k, target) in own)
                    {
                        if (!source.TryGetValue(k, out var src) || (skip is not null && skip.Contains(k))) continue;
                        if (!target.shape.SequenceEqual(src.shape))
                            throw new ArgumentException($"load_state_dict: '{k}' hat die Form [{string.Join(", ", src.shape)}], das Modell erwartet [{string.Join(", ", target.shape)}].");
                        target.copy_(src);
                    }
                return (missing, unexpected);
            }

            /// <summary>Writes the state dict as a safetensors file (atomically: temp file, then rename).</summary>
            public Module save(string location, IList<string>? skip = null)
            {
                var sd = state_dict().Where(e => skip is null || !skip.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value);
                Safetensors.Save(sd, location);
                return this;
            }

            /// <summary>Loads weights written by <see cref="save"/> (or by PyTorch's safetensors.torch.save_file).</summary>
            public Module load(string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
            {
                var sd = Safetensors.Load(location);
                load_state_dict(sd, strict, skip);
                if (loadedParameters is not null)
                    foreach (var k in state_dict().Keys) loadedParameters[k] = sd.ContainsKey(k);
                return this;
            }

            public virtual void Dispose() => GC.SuppressFinalize(this);

            public override string ToString()
            {
                var kids = named_children().ToList();
                var head = GetType().Name + "(" + ExtraRepr();
                if (kids.Count == 0) return head + ")";
                var sb = new System.Text.StringBuilder(head).Append('\n');
                foreach (var (n, m) in kids)
                    sb.Append("  (").Append(n).Append("): ").Append(m.ToString().Replace("\n", "\n  ")).Append('\n');
                return sb.Append(')').ToString();
            }

            /// <summary>The constructor arguments shown by <see cref="ToString"/>, e.g. "in_features=784, out_features=400".</summary>
            protected virtual string ExtraRepr() => "";
        }

        /// <summary>A module with one input and one output (TorchSharp: <c>torch.nn.Module&lt;T, TResult&gt;</c>).</summary>
        public abstract class Module<T, TResult> : Module
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T input);

            /// <summary>Runs <see cref="forward"/> (TorchSharp also runs hooks here).</summary>
            public TResult call(T input) => forward(input);
        }

        public abstract class Module<T1, T2, TResult> : Module
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T1 input1, T2 input2);

            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }

        /// <summary>A trainable parameter wrapping <paramref name="data"/>.</summary>
        public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
    }
}

/// <summary>Marks a tensor field that automatic discovery must not treat as a buffer (e.g. a cache).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class NonPersistentAttribute : Attribute { }
