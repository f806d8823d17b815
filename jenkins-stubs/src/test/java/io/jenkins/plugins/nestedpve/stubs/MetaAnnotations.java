package io.jenkins.plugins.nestedpve.stubs;

import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Renders the annotations on an annotation type as the signature file does: {@code @Type(name=value)} with
 * only the elements that differ from their default, enum constants by name, arrays as sorted {@code {A,B}}.
 * {@code @Documented} is left out (the file does not list it).
 */
final class MetaAnnotations {
    private MetaAnnotations() {}

    static List<String> render(Class<?> annotationType) {
        List<String> out = new ArrayList<>();
        for (Annotation a : annotationType.getAnnotations()) {
            if (a.annotationType() != Documented.class) {
                out.add(render(a));
            }
        }
        return out;
    }

    private static String render(Annotation a) {
        List<String> elements = new ArrayList<>();
        for (Method m : a.annotationType().getDeclaredMethods()) {
            Object v = invoke(m, a);
            if (!Objects.deepEquals(v, m.getDefaultValue())) {
                elements.add(m.getName() + "=" + value(v));
            }
        }
        String name = "@" + a.annotationType().getName();
        return elements.isEmpty() ? name : name + "(" + String.join(",", elements) + ")";
    }

    /** An annotation element value in the file's notation. */
    static String value(Object v) {
        if (v.getClass().isArray()) {
            return IntStream.range(0, Array.getLength(v))
                    .mapToObj(i -> bare(Array.get(v, i)))
                    .sorted()
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return v instanceof String s ? "\"" + s + "\"" : bare(v);
    }

    private static String bare(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Class<?> c) {
            return c.getName().replace('$', '.') + ".class";
        }
        return String.valueOf(v);
    }

    private static Object invoke(Method m, Annotation a) {
        try {
            return m.invoke(a);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + m + " of " + a, e);
        }
    }
}
