package io.jenkins.plugins.nestedpve.stubs;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a compiled class and its declared members in the notation of the signature file. */
final class SignatureRenderer {
    private SignatureRenderer() {}

    static SignatureFile.Header header(Class<?> c) {
        String kind =
                c.isAnnotation() ? "ANNOTATION_TYPE" : c.isInterface() ? "INTERFACE" : c.isEnum() ? "ENUM" : "CLASS";
        List<String> mods = modifiers(c.getModifiers());
        if (c.isSealed()) {
            mods.add("sealed");
        }
        if (c.isEnum()) {
            // javac marks an enum with abstract methods ACC_ABSTRACT in the class file; the signature file
            // lists enum modifiers as declared in source, where such an enum is never written abstract
            mods.remove("abstract");
        }
        String superclass = kind.equals("CLASS") ? type(c.getGenericSuperclass(), Map.of()) : null;
        List<String> ifaces = Arrays.stream(c.getGenericInterfaces())
                .map(t -> type(t, Map.of()))
                .toList();
        List<String> meta = c.isAnnotation() ? MetaAnnotations.render(c) : List.of();
        return new SignatureFile.Header(
                kind,
                SignatureFile.sorted(mods),
                typeParams(c.getTypeParameters(), Map.of()),
                superclass,
                SignatureFile.sorted(ifaces),
                SignatureFile.sorted(meta));
    }

    /** Every declared, non-synthetic member of {@code c}. */
    static List<Signature> members(Class<?> c) {
        List<Signature> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (!f.isSynthetic()) {
                String rest = type(f.getGenericType(), Map.of()) + " " + f.getName();
                out.add(new Signature(sorted(modifiers(f.getModifiers())), rest));
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (!k.isSynthetic()) {
                String rest = "<init>" + params(k, Map.of()) + throwsClause(k, Map.of());
                out.add(new Signature(sorted(modifiers(k.getModifiers())), rest));
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge()) {
                out.add(method(m));
            }
        }
        return out;
    }

    private static Signature method(Method m) {
        Map<String, String> names = methodTypeVariableNames(m);
        List<String> mods = modifiers(m.getModifiers());
        if (m.isDefault()) {
            mods.add("default");
        }
        String tparams = typeParams(m.getTypeParameters(), names);
        String rest = (tparams.isEmpty() ? "" : tparams + " ") + type(m.getGenericReturnType(), names) + " "
                + m.getName() + params(m, names) + throwsClause(m, names);
        Object dflt = m.getDefaultValue();
        if (dflt != null) {
            rest += " default " + MetaAnnotations.value(dflt);
        }
        return new Signature(sorted(mods), rest);
    }

    /** The signature file calls method type variables M0, M1, ... in declaration order. */
    private static Map<String, String> methodTypeVariableNames(Method m) {
        Map<String, String> names = new HashMap<>();
        TypeVariable<Method>[] vars = m.getTypeParameters();
        for (int i = 0; i < vars.length; i++) {
            names.put(vars[i].getName(), "M" + i);
        }
        return names;
    }

    private static String params(Executable e, Map<String, String> names) {
        List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
        Class<?> owner = e.getDeclaringClass();
        boolean inner = owner.isMemberClass() && !Modifier.isStatic(owner.getModifiers());
        if (e instanceof Constructor<?>
                && inner
                && types.size() == e.getParameterCount()
                && !types.isEmpty()
                && types.get(0) == owner.getEnclosingClass()) {
            types.remove(0); // the implicit outer instance of an inner class
        }
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String t = type(types.get(i), names);
            boolean last = i == types.size() - 1;
            rendered.add(last && e.isVarArgs() ? t.substring(0, t.length() - 2) + "..." : t);
        }
        return "(" + String.join(", ", rendered) + ")";
    }

    private static String throwsClause(Executable e, Map<String, String> names) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return " throws " + Arrays.stream(thrown).map(t -> type(t, names)).collect(Collectors.joining(", "));
    }

    static String typeParams(TypeVariable<?>[] vars, Map<String, String> names) {
        if (vars.length == 0) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (TypeVariable<?> v : vars) {
            List<String> bounds = Arrays.stream(v.getBounds())
                    .filter(b -> b != Object.class)
                    .map(b -> type(b, names))
                    .toList();
            String name = names.getOrDefault(v.getName(), v.getName());
            out.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
        }
        return "<" + String.join(", ", out) + ">";
    }

    static String type(Type t, Map<String, String> names) {
        if (t instanceof Class<?> c) {
            return c.isArray()
                    ? type(c.getComponentType(), names) + "[]"
                    : c.getName().replace('$', '.');
        }
        if (t instanceof ParameterizedType p) {
            String args = Arrays.stream(p.getActualTypeArguments())
                    .map(a -> type(a, names))
                    .collect(Collectors.joining(","));
            return type(p.getRawType(), names) + "<" + args + ">";
        }
        if (t instanceof TypeVariable<?> v) {
            return names.getOrDefault(v.getName(), v.getName());
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + type(w.getLowerBounds()[0], names);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + type(upper, names);
        }
        if (t instanceof GenericArrayType g) {
            return type(g.getGenericComponentType(), names) + "[]";
        }
        throw new IllegalArgumentException("unknown type " + t);
    }

    private static List<String> modifiers(int mods) {
        List<String> out = new ArrayList<>();
        if (Modifier.isPublic(mods)) out.add("public");
        if (Modifier.isProtected(mods)) out.add("protected");
        if (Modifier.isPrivate(mods)) out.add("private");
        if (Modifier.isAbstract(mods)) out.add("abstract");
        if (Modifier.isStatic(mods)) out.add("static");
        if (Modifier.isFinal(mods)) out.add("final");
        return out;
    }

    private static List<String> sorted(List<String> mods) {
        return SignatureFile.sorted(mods);
    }
}
