package io.shaledb.core.partiql.parse;

import io.shaledb.core.expr.ast.Comparator;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.DynamoNumber;
import io.shaledb.core.partiql.ast.Expr;
import io.shaledb.core.partiql.ast.Returning;
import io.shaledb.core.partiql.ast.Statement;
import io.shaledb.core.partiql.ast.UpdateAction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random statements of every form the parser accepts, for the round-trip test. Children are made in the order the
 * printer writes them, so parameters are numbered as the parser will number them.
 */
final class RandomStatements {
  private static final List<String> NAMES = List.of("a", "b2", "_x", "Artist", "with space", "quote\"d", "select",
      "dot.ted", "日本語", "it's");
  private static final List<String> STRINGS = List.of("", "x", "it's", "two\nlines",
      "😀 emoji", "-- not a comment", "/* nor this */", "?");

  private final Random random;
  private int parameters;

  RandomStatements(Random random) {
    this.random = random;
  }

  Statement statement() {
    parameters = 0;
    return switch (random.nextInt(5)) {
      case 0 -> select();
      case 1 -> insert();
      case 2 -> update();
      case 3 -> delete();
      default -> new Statement.Exists(selectWithWhere());
    };
  }

  private Statement.Select select() {
    List<Expr.PathExpr> projection = random.nextBoolean() ? List.of() : list(1, 3, this::path);
    String table = name();
    Optional<String> index = random.nextBoolean() ? Optional.of(name()) : Optional.empty();
    Optional<Expr> where = random.nextBoolean() ? Optional.of(condition(3)) : Optional.empty();
    List<Statement.OrderBy> orderBy = random.nextBoolean() ? List.of()
        : list(1, 2, () -> new Statement.OrderBy(path(), random.nextBoolean()));
    return new Statement.Select(projection, table, index, where, orderBy, parameters);
  }

  private Statement.Select selectWithWhere() {
    String table = name();
    Expr where = condition(2);
    return new Statement.Select(List.of(), table, Optional.empty(), Optional.of(where), List.of(), parameters);
  }

  private Statement.Insert insert() {
    String table = name();
    Expr item = tuple(2, false);
    return new Statement.Insert(table, item, parameters);
  }

  private Statement.Update update() {
    String table = name();
    List<UpdateAction> actions = list(1, 3, this::action);
    Expr where = condition(2);
    Returning returning = Returning.values()[random.nextInt(Returning.values().length)];
    return new Statement.Update(table, actions, where, returning, parameters);
  }

  private Statement.Delete delete() {
    String table = name();
    Expr where = condition(2);
    return new Statement.Delete(table, where, random.nextBoolean() ? Returning.ALL_OLD : Returning.NONE, parameters);
  }

  private UpdateAction action() {
    Expr.PathExpr target = path();
    if (random.nextInt(3) == 0) {
      return new UpdateAction.Remove(target);
    }
    Expr value = switch (random.nextInt(4)) {
      case 0 -> new Expr.Call(random.nextBoolean() ? Expr.Function.SET_ADD : Expr.Function.SET_DELETE,
          List.of(target, random.nextBoolean() ? parameter() : bag()));
      case 1 -> call(Expr.Function.LIST_APPEND, () -> value(1, true), () -> value(1, true));
      default -> value(2, true);
    };
    return new UpdateAction.Set(target, value);
  }

  private Expr condition(int depth) {
    return switch (random.nextInt(depth > 0 ? 9 : 5)) {
      case 0 -> new Expr.Comparison(value(1, true), Comparator.values()[random.nextInt(6)], value(1, true));
      case 1 -> new Expr.Between(value(1, true), value(1, true), value(1, true));
      case 2 -> new Expr.In(value(1, true), list(1, 3, () -> value(1, true)));
      case 3 -> new Expr.Is(value(1, true), Expr.IsKind.values()[random.nextInt(Expr.IsKind.values().length)], random.nextBoolean());
      case 4 -> conditionCall();
      case 5 -> new Expr.And(condition(depth - 1), condition(depth - 1));
      case 6 -> new Expr.Or(condition(depth - 1), condition(depth - 1));
      case 7 -> new Expr.Not(condition(depth - 1));
      default -> new Expr.Comparison(path(), Comparator.EQ, parameter());
    };
  }

  private Expr conditionCall() {
    return switch (random.nextInt(6)) {
      case 0 -> call(Expr.Function.BEGINS_WITH, this::path, () -> value(0, true));
      case 1 -> call(Expr.Function.CONTAINS, this::path, () -> value(0, true));
      case 2 -> call(Expr.Function.ATTRIBUTE_TYPE, this::path, this::string);
      case 3 -> call(Expr.Function.ATTRIBUTE_EXISTS, this::path);
      case 4 -> call(Expr.Function.ATTRIBUTE_NOT_EXISTS, this::path);
      default -> call(Expr.Function.MISSING, this::path);
    };
  }

  /** A value; {@code calls} allows size(), which an INSERT's item may not hold. */
  private Expr value(int depth, boolean calls) {
    return switch (random.nextInt(depth > 0 ? 11 : 6)) {
      case 0 -> string();
      case 1 -> new Expr.Literal(new AttributeValue.N(number()));
      case 2 -> new Expr.Literal(switch (random.nextInt(3)) {
        case 0 -> AttributeValue.Bool.TRUE;
        case 1 -> AttributeValue.Bool.FALSE;
        default -> AttributeValue.Null.INSTANCE;
      });
      case 3 -> new Expr.Missing();
      case 4 -> parameter();
      case 5 -> path();
      case 6 -> new Expr.ListExpr(list(0, 3, () -> value(depth - 1, calls)));
      case 7 -> tuple(depth - 1, calls);
      case 8 -> bag();
      case 9 -> new Expr.Arithmetic(value(depth - 1, calls),
          random.nextBoolean() ? Expr.ArithmeticOp.ADD : Expr.ArithmeticOp.SUBTRACT, value(depth - 1, calls));
      default -> calls ? call(Expr.Function.SIZE, this::path) : string();
    };
  }

  private Expr.TupleExpr tuple(int depth, boolean calls) {
    return new Expr.TupleExpr(list(0, 3, () -> new Expr.TupleExpr.Entry(pick(NAMES), value(depth, calls))));
  }

  /** A bag of strings or of numbers: DynamoDB's sets hold one type. */
  private Expr.BagExpr bag() {
    boolean strings = random.nextBoolean();
    return new Expr.BagExpr(list(1, 3, () -> strings ? string() : new Expr.Literal(new AttributeValue.N(number()))));
  }

  private Expr.Literal string() {
    return new Expr.Literal(new AttributeValue.S(pick(STRINGS)));
  }

  private DynamoNumber number() {
    return switch (random.nextInt(3)) {
      case 0 -> DynamoNumber.of(random.nextInt(2000) - 1000);
      case 1 -> DynamoNumber.of(random.nextLong());
      default -> DynamoNumber.of(new BigDecimal(java.math.BigInteger.valueOf(random.nextLong()),
          random.nextInt(200) - 100));
    };
  }

  private Expr.Parameter parameter() {
    return new Expr.Parameter(parameters++);
  }

  Expr.PathExpr path() {
    List<Expr.Step> steps = new ArrayList<>();
    steps.add(new Expr.Step.Name(pick(NAMES)));
    for (int i = random.nextInt(4); i > 0; i--) {
      steps.add(random.nextBoolean() ? new Expr.Step.Name(pick(NAMES)) : new Expr.Step.Index(random.nextInt(30)));
    }
    return new Expr.PathExpr(steps);
  }

  @SafeVarargs
  private Expr.Call call(Expr.Function function, Supplier<? extends Expr>... arguments) {
    List<Expr> made = new ArrayList<>();
    for (Supplier<? extends Expr> argument : arguments) {
      made.add(argument.get());
    }
    return new Expr.Call(function, made);
  }

  private String name() {
    return pick(NAMES);
  }

  private <T> List<T> list(int min, int max, Supplier<T> element) {
    List<T> items = new ArrayList<>();
    for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
      items.add(element.get());
    }
    return items;
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
