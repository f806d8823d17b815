package io.jenkins.plugins.nestedpve.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Finds every Stapler form handler ({@code doCheck*}, {@code doFill*}, {@code doTest*}) of a class. */
final class FormHandlers {
    private FormHandlers() {}

    static List<Method> of(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getName().matches("do(Check|Fill|Test)[A-Z].*"))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    /** Calls {@code m} with {@code arg} for every (String) parameter; unwraps what it throws. */
    static Object call(Object target, Method m, String arg) throws Throwable {
        Object[] args = new Object[m.getParameterCount()];
        Arrays.fill(args, arg);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
